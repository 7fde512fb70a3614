#include "apps/contacts/contact_text.h"

#include <algorithm>

namespace swivel::apps {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

// The default rule, without locale data: each query word starts some word of the
// haystack, ASCII case ignored.
bool AsciiWordPrefixes(std::string_view haystack, std::string_view query) {
  const std::string h = Lower(haystack), q = Lower(query);
  size_t at = 0;
  while (at < q.size()) {
    const size_t end = std::min(q.find(' ', at), q.size());
    const std::string word = q.substr(at, end - at);
    bool found = word.empty();
    for (size_t i = 0; !found && i + word.size() <= h.size(); ++i)
      found = (i == 0 || h[i - 1] == ' ' || h[i - 1] == '-' || h[i - 1] == '.' || h[i - 1] == '@') &&
              h.compare(i, word.size(), word) == 0;
    if (!found) return false;
    at = end + 1;
  }
  return true;
}

std::string Digits(std::string_view s) {
  std::string d;
  for (char ch : s) if (ch >= '0' && ch <= '9') d += ch;
  return d;
}

}  // namespace

std::string DisplayName(const pim::Contact& c) {
  if (!c.display_name().empty()) return c.display_name();
  std::string name = c.name().given();
  if (!c.name().family().empty()) name += (name.empty() ? "" : " ") + c.name().family();
  if (!name.empty()) return name;
  if (!c.organization().company().empty()) return c.organization().company();
  if (c.phones_size() && !c.phones(0).number().empty()) return c.phones(0).number();
  if (c.emails_size() && !c.emails(0).address().empty()) return c.emails(0).address();
  return "(no name)";
}

bool MatchesSearch(const pim::Contact& c, std::string_view query, const TextRules& rules) {
  if (query.find_first_not_of(' ') == std::string_view::npos) return true;
  const auto matches = rules.matches ? rules.matches : AsciiWordPrefixes;
  if (matches(DisplayName(c), query)) return true;
  for (const auto& e : c.emails())
    if (matches(e.address(), query)) return true;
  const std::string digits = Digits(query);
  if (digits.size() == query.size())  // a query of digits only looks in phone numbers
    for (const auto& p : c.phones())
      if (Digits(p.number()).find(digits) != std::string::npos) return true;
  return false;
}

}  // namespace swivel::apps
