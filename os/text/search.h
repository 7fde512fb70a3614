#pragma once
// SearchFolder: case- and accent-insensitive matching for type-to-search (contacts, notes).
//
// Fold(s) makes a search key; two strings "look the same to a searcher" when their keys are
// equal. The rule, in order (normalizers only, no transliterator: it is fast, has no
// per-locale state, and never turns one script into another):
//   1. NFKC_Casefold: full Unicode case folding ("ß" -> "ss", "Σ"/"ς" -> "σ",
//      "Ж" -> "ж"), compatibility forms unified ("ﬁ" -> "fi", fullwidth "Ａ" -> "a"),
//      default-ignorable characters (soft hyphen, ZWJ) dropped.
//   2. NFD, then nonspacing marks (Mn) are dropped where they follow a Latin, Greek or
//      Cyrillic letter ("é" -> "e", "ά" -> "α", "ё" -> "е", and "й" -> "и", a looser match
//      than a Russian speller would make, accepted so that search never misses). Marks in
//      other scripts are kept: Devanagari viramas and Japanese dakuten change the letter
//      ("が" stays distinct from "か").
//   3. Latin letters with no decomposition are spelled with their base letters:
//      ø->o, ł->l, đ->d, ð->d, ħ->h, ı->i, æ->ae, œ->oe, þ->th.
//   4. NFC, so Hangul and kept marks recompose.
// Turkish: folding is deliberately locale-independent. "I", "İ", "ı" and "i" all fold to
// "i", so "isik" finds "Işık" and "istanbul" finds "İstanbul" whatever the device locale.
// A Turkish speller would keep dotted and dotless apart; a search box should not.
//
// Matches(haystack, query) is the contacts rule (MatchMode::kWordPrefix): every word of the
// query must be the start of some word of the haystack, in any order, after folding.
// Words are ICU word-break segments holding letters, digits or ideographs, so
// "Müller-Lüdenscheidt" has two words and "o'brien" one. "jo sm" and "smith" find
// "John Smith"; "ohn" does not. An empty or blank query matches everything.
// MatchMode::kSubstring: the folded query (as typed, spaces included) occurs anywhere in the
// folded haystack; "ohn" finds "John".
//
// Owns its ICU break iterator; not thread-safe.
#include <unicode/uversion.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

// ICU's namespace is versioned (icu_72); these macros open the right one.
U_NAMESPACE_BEGIN
class BreakIterator;
class Normalizer2;
U_NAMESPACE_END

namespace swivel::os::text {

enum class MatchMode { kWordPrefix, kSubstring };

class SearchFolder {
 public:
  // nullptr when ICU cannot build the normalizers or word iterator (broken ICU data).
  static std::unique_ptr<SearchFolder> Create();
  ~SearchFolder();
  SearchFolder(const SearchFolder&) = delete;
  SearchFolder& operator=(const SearchFolder&) = delete;

  // The search key of `utf8` (UTF-8). Not for display.
  std::string Fold(std::string_view utf8) const;

  // The words of Fold(utf8), in order (see the header comment for what counts as a word).
  std::vector<std::string> FoldedWords(std::string_view utf8) const;

  bool Matches(std::string_view haystack, std::string_view query,
               MatchMode mode = MatchMode::kWordPrefix) const;

 private:
  SearchFolder(const icu::Normalizer2* casefold, const icu::Normalizer2* nfd,
               const icu::Normalizer2* nfc, std::unique_ptr<icu::BreakIterator> words);
  std::vector<std::string> WordsOfFolded(const std::string& folded) const;

  // The normalizers are ICU's own immutable singletons; they are not owned.
  const icu::Normalizer2* casefold_;
  const icu::Normalizer2* nfd_;
  const icu::Normalizer2* nfc_;
  std::unique_ptr<icu::BreakIterator> words_;
};

}  // namespace swivel::os::text
