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

// Locale rules a list and its search need. The defaults compare bytes and fold ASCII case;
// the device's ICU collation and accent folding plug in here (os/text).
struct TextRules {
  std::function<bool(std::string_view, std::string_view)> less =
      [](std::string_view a, std::string_view b) { return a < b; };
  std::function<std::string(std::string_view)> fold = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
  };
};

// True when `query` (folded) starts any word of the contact's name, phone or email
// (folded): "mul" finds "Anna Müller" once folding maps ü to u; "555" finds a phone.
bool MatchesSearch(const pim::Contact& c, std::string_view query, const TextRules& rules);

}  // namespace swivel::apps
