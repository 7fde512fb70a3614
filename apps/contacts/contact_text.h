#pragma once
// How a contact reads in lists and searches.
#include <functional>
#include <string>
#include <string_view>

#include "proto/pim.pb.h"

namespace swivel::apps {

// The name a list shows: display_name, else "given family", else the company, else the
// first phone or email, else "(no name)".
std::string DisplayName(const pim::Contact& c);

// Locale rules a list and its search need. The defaults compare bytes and match words by
// ASCII case folding; apps::LocaleRules supplies the device's ICU collation and
// os::text::SearchFolder's matching (case and accents ignored).
struct TextRules {
  std::function<bool(std::string_view, std::string_view)> less =
      [](std::string_view a, std::string_view b) { return a < b; };
  // True when every word of `query` starts some word of `haystack`.
  std::function<bool(std::string_view haystack, std::string_view query)> matches;
};

// True when the search finds the contact: by its name or an email (TextRules::matches), or
// by the digits of a phone number ("555" finds "+1 (555) 0100").
bool MatchesSearch(const pim::Contact& c, std::string_view query, const TextRules& rules);

}  // namespace swivel::apps
