#pragma once
// Search folding: a key that matches regardless of case and accents, so "muller" finds
// "Müller", "strasse" finds "Straße", "ΑΘΗΝΑ" finds "Αθήνα". Canonical decomposition (NFD),
// then combining marks removed, then Unicode full case folding (ß -> ss). Letters that are
// not a base letter plus marks stay as they are ("ø", "ł", "æ"): folding them would need
// per-language rules, and a search for "o" finding "ø" would surprise a Danish user.
// Turkish dotted I: "İ" folds to "i" like "I" does (the root rules, not the Turkish ones).
#include <string>
#include <string_view>

namespace swivel::os::text {

std::string FoldForSearch(std::string_view utf8);

}  // namespace swivel::os::text
