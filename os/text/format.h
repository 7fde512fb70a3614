#pragma once
// Formatter: dates, times and numbers for the device's locale and time zone.
//
// Time never comes from the host: every call takes the instant as Unix milliseconds (from
// hal::Clock::wall_time_ms() on the device), and "today" is whatever instant the caller
// says is now. The locale and time zone are fixed at construction because building the ICU
// formatters is the expensive part; when the user changes either, build a new Formatter.
//
// Patterns come from CLDR skeletons through ICU's pattern generator, so each locale gets
// its own order, separators and 12/24-hour habit:
//   Date      "yMMMd"     en_US "Mar 5, 2024"   de_DE "5. März 2024"   ja_JP "2024年3月5日"
//   Time      "jmm"       en_US "3:04 PM"       de_DE "15:04"          ja_JP "15:04"
//   DateTime  both, joined the locale's way
// (ICU 72 puts U+202F NARROW NO-BREAK SPACE before "AM"/"PM" in English.) HourCycle
// overrides the locale's 12/24-hour choice, for a user setting.
//
// Owns its ICU formatters; not thread-safe.
#include <unicode/uversion.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

// ICU's namespace is versioned (icu_72); these macros open the right one.
U_NAMESPACE_BEGIN
class Calendar;
class DateFormat;
class RelativeDateTimeFormatter;
class TimeZone;
namespace number {
class LocalizedNumberFormatter;
}
U_NAMESPACE_END

namespace swivel::os::text {

enum class HourCycle { kLocale, k12, k24 };

class Formatter {
 public:
  // `time_zone_id` is an Olson id ("Europe/Berlin", "America/New_York", "Asia/Tokyo") or
  // "UTC". nullptr for a time zone ICU does not know (never a silent fallback to GMT), or
  // when ICU cannot build the formatters. An unknown locale gets root formats.
  static std::unique_ptr<Formatter> Create(std::string_view locale_id,
                                           std::string_view time_zone_id,
                                           HourCycle hour_cycle = HourCycle::kLocale);
  ~Formatter();
  Formatter(const Formatter&) = delete;
  Formatter& operator=(const Formatter&) = delete;

  std::string Date(int64_t unix_ms) const;
  std::string Time(int64_t unix_ms) const;
  std::string DateTime(int64_t unix_ms) const;

  // "Today", "Yesterday" or "Tomorrow" (in the locale, capitalized as a list heading) when
  // `unix_ms` falls on that local calendar day relative to `now_ms`; otherwise Date().
  std::string Day(int64_t unix_ms, int64_t now_ms) const;

  // Whole days from now_ms's local date to unix_ms's local date (+1 = tomorrow), in this
  // formatter's time zone; a day is a calendar day, so DST days count as one.
  int64_t DaysBetween(int64_t now_ms, int64_t unix_ms) const;

  // Numbers with the locale's digits, grouping and decimal separator:
  // en_US "1,234,567.5", de_DE "1.234.567,5".
  std::string Number(int64_t value) const;
  std::string Number(double value, int max_fraction_digits) const;

 private:
  Formatter();
  std::unique_ptr<icu::TimeZone> zone_;
  std::unique_ptr<icu::DateFormat> date_;
  std::unique_ptr<icu::DateFormat> time_;
  std::unique_ptr<icu::DateFormat> date_time_;
  std::unique_ptr<icu::Calendar> calendar_;  // for calendar days in zone_
  std::unique_ptr<icu::RelativeDateTimeFormatter> relative_;
  std::unique_ptr<icu::number::LocalizedNumberFormatter> numbers_;
};

}  // namespace swivel::os::text
