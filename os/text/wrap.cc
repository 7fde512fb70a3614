#include "os/text/wrap.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <utility>

#include "os/text/icu_utf8.h"

namespace swivel::os::text {
namespace {

using internal::ToOffset;

// `s` without its trailing whitespace (spaces hang past the margin at a break).
std::string_view TrimEnd(std::string_view s) {
  int32_t end = static_cast<int32_t>(s.size());
  while (end > 0) {
    int32_t i = end;
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    end = i;
  }
  return s.substr(0, static_cast<size_t>(end));
}

std::vector<std::string_view> Paragraphs(std::string_view text) {
  std::vector<std::string_view> out;
  for (;;) {
    const size_t nl = text.find('\n');
    std::string_view p = text.substr(0, nl);
    if (!p.empty() && p.back() == '\r') p.remove_suffix(1);
    out.push_back(p);
    if (nl == std::string_view::npos) return out;
    text.remove_prefix(nl + 1);
  }
}

}  // namespace

std::unique_ptr<LineWrapper> LineWrapper::Create(std::string_view locale_id) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale(std::string(locale_id).c_str());
  std::unique_ptr<icu::BreakIterator> lines(
      icu::BreakIterator::createLineInstance(locale, status));
  std::unique_ptr<icu::BreakIterator> graphemes(
      icu::BreakIterator::createCharacterInstance(locale, status));
  if (U_FAILURE(status) || lines == nullptr || graphemes == nullptr) return nullptr;
  return std::unique_ptr<LineWrapper>(new LineWrapper(std::move(lines), std::move(graphemes)));
}

LineWrapper::LineWrapper(std::unique_ptr<icu::BreakIterator> lines,
                         std::unique_ptr<icu::BreakIterator> graphemes)
    : lines_(std::move(lines)), graphemes_(std::move(graphemes)) {}

LineWrapper::~LineWrapper() = default;

std::vector<std::string> LineWrapper::Wrap(std::string_view text, int max_width,
                                           const Measure& measure) const {
  std::vector<std::string> out;
  for (std::string_view p : Paragraphs(text)) WrapParagraph(p, max_width, measure, out);
  return out;
}

void LineWrapper::WrapParagraph(std::string_view text, int max_width, const Measure& measure,
                                std::vector<std::string>& out) const {
  if (!internal::SetUtf8Text(*lines_, text) || !internal::SetUtf8Text(*graphemes_, text)) {
    out.emplace_back(text);
    return;
  }
  auto fits = [&](size_t from, size_t to) {
    return measure(TrimEnd(text.substr(from, to - from))) <= max_width;
  };
  // The line being filled is text[line_start, line_end); line_end is always a break
  // opportunity (or line_start, when the line is still empty).
  size_t line_start = 0;
  size_t line_end = 0;
  lines_->first();
  for (int32_t b = lines_->next(); b != icu::BreakIterator::DONE; b = lines_->next()) {
    const size_t piece_end = ToOffset(b);
    if (fits(line_start, piece_end)) {
      line_end = piece_end;
      continue;
    }
    if (line_end > line_start) {  // close the line before this piece, then retry alone
      out.emplace_back(TrimEnd(text.substr(line_start, line_end - line_start)));
      line_start = line_end;
      if (fits(line_start, piece_end)) {
        line_end = piece_end;
        continue;
      }
    }
    // The piece alone is wider than a line: cut it between graphemes. Full lines go out;
    // the last part stays as the start of the next line.
    const size_t content_end =
        line_start + TrimEnd(text.substr(line_start, piece_end - line_start)).size();
    size_t fit_end = line_start;
    for (int32_t g = graphemes_->following(static_cast<int32_t>(line_start));
         g != icu::BreakIterator::DONE && ToOffset(g) <= content_end; g = graphemes_->next()) {
      if (fit_end > line_start && !fits(line_start, ToOffset(g))) {
        out.emplace_back(text.substr(line_start, fit_end - line_start));
        line_start = fit_end;
      }
      fit_end = ToOffset(g);  // at least one grapheme per line, even if it is too wide
    }
    line_end = piece_end;
  }
  // The last line; an empty paragraph still gives one (empty) line.
  out.emplace_back(TrimEnd(text.substr(line_start, line_end - line_start)));
}

std::vector<std::string> Wrap(std::string_view text, int max_width, const Measure& measure,
                              std::string_view locale_id) {
  if (std::unique_ptr<LineWrapper> wrapper = LineWrapper::Create(locale_id)) {
    return wrapper->Wrap(text, max_width, measure);
  }
  std::vector<std::string> out;
  for (std::string_view p : Paragraphs(text)) out.emplace_back(p);
  return out;
}

}  // namespace swivel::os::text
