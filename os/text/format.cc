#include "os/text/format.h"

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/reldatefmt.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <utility>

#include "os/text/icu_utf8.h"

namespace swivel::os::text {
namespace {

const char16_t* TimeSkeleton(HourCycle cycle) {
  switch (cycle) {
    case HourCycle::k12: return u"hmm";
    case HourCycle::k24: return u"Hmm";
    case HourCycle::kLocale: break;
  }
  return u"jmm";  // 'j': the locale's preferred hour cycle
}

std::unique_ptr<icu::DateFormat> FromSkeleton(icu::DateTimePatternGenerator& generator,
                                              const icu::UnicodeString& skeleton,
                                              const icu::Locale& locale,
                                              const icu::TimeZone& zone, UErrorCode& status) {
  const icu::UnicodeString pattern = generator.getBestPattern(skeleton, status);
  if (U_FAILURE(status)) return nullptr;
  auto format = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
  if (U_FAILURE(status)) return nullptr;
  format->setTimeZone(zone);
  return format;
}

std::string FormatDate(const icu::DateFormat& format, int64_t unix_ms) {
  icu::UnicodeString out;
  format.format(static_cast<UDate>(unix_ms), out);
  return internal::ToUtf8(out);
}

}  // namespace

Formatter::Formatter() = default;
Formatter::~Formatter() = default;

std::unique_ptr<Formatter> Formatter::Create(std::string_view locale_id,
                                             std::string_view time_zone_id,
                                             HourCycle hour_cycle) {
  const icu::Locale locale(std::string(locale_id).c_str());
  std::unique_ptr<icu::TimeZone> zone(
      icu::TimeZone::createTimeZone(internal::ToUnicode(time_zone_id)));
  // ICU answers an unknown id with the "Etc/Unknown" zone (GMT): refuse it instead.
  if (zone == nullptr || *zone == icu::TimeZone::getUnknown()) return nullptr;

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<Formatter> f(new Formatter());
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(locale, status));
  if (U_FAILURE(status)) return nullptr;
  const icu::UnicodeString date_skeleton(u"yMMMd");
  const icu::UnicodeString time_skeleton(TimeSkeleton(hour_cycle));
  f->date_ = FromSkeleton(*generator, date_skeleton, locale, *zone, status);
  f->time_ = FromSkeleton(*generator, time_skeleton, locale, *zone, status);
  f->date_time_ = FromSkeleton(*generator, date_skeleton + time_skeleton, locale, *zone, status);
  f->calendar_.reset(icu::Calendar::createInstance(*zone, locale, status));
  f->relative_ = std::make_unique<icu::RelativeDateTimeFormatter>(
      locale, nullptr, UDAT_STYLE_LONG, UDISPCTX_CAPITALIZATION_FOR_BEGINNING_OF_SENTENCE,
      status);
  f->numbers_ = std::make_unique<icu::number::LocalizedNumberFormatter>(
      icu::number::NumberFormatter::withLocale(locale));
  if (U_FAILURE(status) || f->date_ == nullptr || f->time_ == nullptr ||
      f->date_time_ == nullptr || f->calendar_ == nullptr) {
    return nullptr;
  }
  f->zone_ = std::move(zone);
  return f;
}

std::string Formatter::Date(int64_t unix_ms) const { return FormatDate(*date_, unix_ms); }
std::string Formatter::Time(int64_t unix_ms) const { return FormatDate(*time_, unix_ms); }
std::string Formatter::DateTime(int64_t unix_ms) const {
  return FormatDate(*date_time_, unix_ms);
}

int64_t Formatter::DaysBetween(int64_t now_ms, int64_t unix_ms) const {
  // The Julian day number of each instant's local date; their difference counts calendar
  // days, whatever DST does to the length of a day.
  UErrorCode status = U_ZERO_ERROR;
  calendar_->setTime(static_cast<UDate>(now_ms), status);
  const int32_t now_day = calendar_->get(UCAL_JULIAN_DAY, status);
  calendar_->setTime(static_cast<UDate>(unix_ms), status);
  const int32_t day = calendar_->get(UCAL_JULIAN_DAY, status);
  if (U_FAILURE(status)) return 0;
  return static_cast<int64_t>(day) - now_day;
}

std::string Formatter::Day(int64_t unix_ms, int64_t now_ms) const {
  UDateDirection direction;
  switch (DaysBetween(now_ms, unix_ms)) {
    case -1: direction = UDAT_DIRECTION_LAST; break;
    case 0: direction = UDAT_DIRECTION_THIS; break;
    case 1: direction = UDAT_DIRECTION_NEXT; break;
    default: return Date(unix_ms);
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out;
  relative_->format(direction, UDAT_ABSOLUTE_DAY, out, status);
  if (U_FAILURE(status) || out.isEmpty()) return Date(unix_ms);
  return internal::ToUtf8(out);
}

std::string Formatter::Number(int64_t value) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString out = numbers_->formatInt(value, status).toString(status);
  return U_FAILURE(status) ? std::to_string(value) : internal::ToUtf8(out);
}

std::string Formatter::Number(double value, int max_fraction_digits) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString out =
      numbers_->precision(icu::number::Precision::maxFraction(max_fraction_digits))
          .formatDouble(value, status)
          .toString(status);
  return U_FAILURE(status) ? std::to_string(value) : internal::ToUtf8(out);
}

}  // namespace swivel::os::text
