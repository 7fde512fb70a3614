#include "os/text/format.h"

#include <unicode/datefmt.h>
#include <unicode/timezone.h>

#include <memory>

namespace swivel::os::text {
namespace {

std::string Format(icu::DateFormat* raw, int64_t unix_ms, std::string_view zone) {
  std::unique_ptr<icu::DateFormat> fmt(raw);
  if (!fmt) return {};
  fmt->adoptTimeZone(icu::TimeZone::createTimeZone(
      icu::UnicodeString::fromUTF8(icu::StringPiece(zone.data(), int32_t(zone.size())))));
  icu::UnicodeString out;
  fmt->format(static_cast<UDate>(unix_ms), out);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace

std::string FormatShortTime(int64_t unix_ms, std::string_view locale, std::string_view zone) {
  return Format(icu::DateFormat::createTimeInstance(icu::DateFormat::kShort,
                                                    icu::Locale(std::string(locale).c_str())),
                unix_ms, zone);
}

std::string FormatMediumDate(int64_t unix_ms, std::string_view locale, std::string_view zone) {
  return Format(icu::DateFormat::createDateInstance(icu::DateFormat::kMedium,
                                                    icu::Locale(std::string(locale).c_str())),
                unix_ms, zone);
}

}  // namespace swivel::os::text
