#include "apps/contacts/contact_text.h"

namespace swivel::apps {
namespace {

bool StartsAWord(std::string_view text, std::string_view query) {
  for (size_t at = 0; at <= text.size(); ++at) {
    const bool word_start = at == 0 || text[at - 1] == ' ' || text[at - 1] == '-' || text[at - 1] == '.';
    if (word_start && text.substr(at, query.size()) == query) return true;
  }
  return false;
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
  const std::string q = rules.fold(query);
  if (q.empty()) return true;
  if (StartsAWord(rules.fold(DisplayName(c)), q)) return true;
  for (const auto& p : c.phones()) {
    std::string digits;  // "555" finds "+1 (555) 0100"
    for (char ch : p.number()) if (ch >= '0' && ch <= '9') digits += ch;
    if (digits.find(q) != std::string::npos) return true;
  }
  for (const auto& e : c.emails())
    if (StartsAWord(rules.fold(e.address()), q)) return true;
  return false;
}

}  // namespace swivel::apps
