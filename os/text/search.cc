#include "os/text/search.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <utility>

#include "os/text/icu_utf8.h"

namespace swivel::os::text {
namespace {

// Step 3 of Fold: Latin letters that NFD leaves whole. Input is already case-folded.
const char16_t* BaseLetters(UChar32 c) {
  switch (c) {
    case 0x00F8: return u"o";   // ø
    case 0x0142: return u"l";   // ł
    case 0x0111: return u"d";   // đ
    case 0x00F0: return u"d";   // ð
    case 0x0127: return u"h";   // ħ
    case 0x0131: return u"i";   // ı (dotless i)
    case 0x00E6: return u"ae";  // æ
    case 0x0153: return u"oe";  // œ
    case 0x00FE: return u"th";  // þ
    default: return nullptr;
  }
}

bool MarksAreAccents(UScriptCode script) {
  return script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC;
}

}  // namespace

std::unique_ptr<SearchFolder> SearchFolder::Create() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  // Word boundaries of the root locale: folded keys are locale-independent, so are words.
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || words == nullptr) return nullptr;
  return std::unique_ptr<SearchFolder>(
      new SearchFolder(casefold, nfd, nfc, std::move(words)));
}

SearchFolder::SearchFolder(const icu::Normalizer2* casefold, const icu::Normalizer2* nfd,
                           const icu::Normalizer2* nfc,
                           std::unique_ptr<icu::BreakIterator> words)
    : casefold_(casefold), nfd_(nfd), nfc_(nfc), words_(std::move(words)) {}

SearchFolder::~SearchFolder() = default;

std::string SearchFolder::Fold(std::string_view utf8) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString folded = casefold_->normalize(internal::ToUnicode(utf8), status);
  const icu::UnicodeString decomposed = nfd_->normalize(folded, status);
  if (U_FAILURE(status)) return {};

  icu::UnicodeString stripped;
  UScriptCode base_script = USCRIPT_COMMON;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) {
      if (!MarksAreAccents(base_script)) stripped.append(c);
      continue;
    }
    UErrorCode script_status = U_ZERO_ERROR;
    base_script = uscript_getScript(c, &script_status);
    if (const char16_t* base = BaseLetters(c)) {
      stripped.append(base);
    } else {
      stripped.append(c);
    }
  }
  return internal::ToUtf8(nfc_->normalize(stripped, status));
}

std::vector<std::string> SearchFolder::WordsOfFolded(const std::string& folded) const {
  std::vector<std::string> out;
  if (!internal::SetUtf8Text(*words_, folded)) return out;
  int32_t start = words_->first();
  for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
       start = end, end = words_->next()) {
    // The rule status tells what the segment before `end` was: below
    // UBRK_WORD_NONE_LIMIT it is spaces or punctuation, not a word.
    if (words_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
      out.push_back(folded.substr(internal::ToOffset(start),
                                  internal::ToOffset(end) - internal::ToOffset(start)));
    }
  }
  return out;
}

std::vector<std::string> SearchFolder::FoldedWords(std::string_view utf8) const {
  return WordsOfFolded(Fold(utf8));
}

bool SearchFolder::Matches(std::string_view haystack, std::string_view query,
                           MatchMode mode) const {
  const std::string folded_query = Fold(query);
  if (mode == MatchMode::kSubstring) {
    return Fold(haystack).find(folded_query) != std::string::npos;
  }
  const std::vector<std::string> wanted = WordsOfFolded(folded_query);
  if (wanted.empty()) return true;
  const std::vector<std::string> words = FoldedWords(haystack);
  return std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& word) { return word.starts_with(w); });
  });
}

}  // namespace swivel::os::text
