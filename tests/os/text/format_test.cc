#include "os/text/format.h"

#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <memory>
#include <string>

namespace swivel::os::text {
namespace {

// 2024-03-05 14:04:05 UTC: 09:04 in New York (EST), 15:04 in Berlin (CET), 23:04 in Tokyo.
constexpr int64_t kInstant = 1709647445000;
constexpr int64_t kHour = 3600 * 1000;
constexpr int64_t kDay = 24 * kHour;
// ICU 72 (CLDR 42) puts U+202F NARROW NO-BREAK SPACE between the time and AM/PM.
#define NNBSP "\u202F"

std::unique_ptr<Formatter> Make(const char* locale, const char* zone,
                                HourCycle cycle = HourCycle::kLocale) {
  std::unique_ptr<Formatter> f = Formatter::Create(locale, zone, cycle);
  EXPECT_NE(f, nullptr) << locale << " " << zone;
  return f;
}

TEST(Format, AmericanEnglish) {
  std::unique_ptr<Formatter> f = Make("en_US", "America/New_York");
  EXPECT_EQ(f->Date(kInstant), "Mar 5, 2024");
  EXPECT_EQ(f->Time(kInstant), "9:04" NNBSP "AM");
  EXPECT_EQ(f->Time(kInstant + 6 * kHour), "3:04" NNBSP "PM");
  EXPECT_EQ(f->DateTime(kInstant), "Mar 5, 2024, 9:04" NNBSP "AM");
  EXPECT_EQ(f->Number(int64_t{-1234567}), "-1,234,567");
  EXPECT_EQ(f->Number(1234567.125, 2), "1,234,567.12");
  EXPECT_EQ(f->Number(0.5, 0), "0");  // half-even rounding
}

TEST(Format, German) {
  std::unique_ptr<Formatter> f = Make("de_DE", "Europe/Berlin");
  EXPECT_EQ(f->Date(kInstant), "5. März 2024");
  EXPECT_EQ(f->Time(kInstant), "15:04");
  EXPECT_EQ(f->DateTime(kInstant), "5. März 2024, 15:04");
  EXPECT_EQ(f->Number(int64_t{-1234567}), "-1.234.567");
  EXPECT_EQ(f->Number(1234567.125, 2), "1.234.567,12");
}

TEST(Format, Japanese) {
  std::unique_ptr<Formatter> f = Make("ja_JP", "Asia/Tokyo");
  EXPECT_EQ(f->Date(kInstant), "2024年3月5日");
  EXPECT_EQ(f->Time(kInstant), "23:04");
  EXPECT_EQ(f->DateTime(kInstant), "2024年3月5日 23:04");
  EXPECT_EQ(f->Number(int64_t{1234567}), "1,234,567");
}

TEST(Format, HourCycleOverridesTheLocale) {
  EXPECT_EQ(Make("en_US", "America/New_York", HourCycle::k24)->Time(kInstant), "09:04");
  EXPECT_EQ(Make("en_US", "America/New_York", HourCycle::k12)->Time(kInstant),
            "9:04" NNBSP "AM");
  EXPECT_EQ(Make("de_DE", "Europe/Berlin", HourCycle::k12)->Time(kInstant), "3:04" NNBSP "PM");
  EXPECT_EQ(Make("ja_JP", "Asia/Tokyo", HourCycle::k12)->Time(kInstant), "午後11:04");
  EXPECT_EQ(Make("en_US", "America/New_York", HourCycle::k24)->DateTime(kInstant),
            "Mar 5, 2024, 09:04");
}

TEST(Format, TheTimeZoneDecidesTheDateAndTime) {
  // One instant, three wall clocks; in Tokyo it is already the next day an hour later.
  EXPECT_EQ(Make("en_US", "UTC")->DateTime(kInstant), "Mar 5, 2024, 2:04" NNBSP "PM");
  EXPECT_EQ(Make("en_US", "Asia/Tokyo")->DateTime(kInstant + kHour),
            "Mar 6, 2024, 12:04" NNBSP "AM");
  EXPECT_EQ(Make("en_US", "America/Los_Angeles")->DateTime(kInstant),
            "Mar 5, 2024, 6:04" NNBSP "AM");
  EXPECT_EQ(Make("en_US", "UTC")->Date(-kDay), "Dec 31, 1969");
}

TEST(Format, UnknownTimeZoneIsRefused) {
  EXPECT_EQ(Formatter::Create("en_US", "Mars/Olympus_Mons"), nullptr);
  EXPECT_EQ(Formatter::Create("en_US", ""), nullptr);
}

TEST(Format, RelativeDayNames) {
  std::unique_ptr<Formatter> en = Make("en_US", "America/New_York");
  EXPECT_EQ(en->Day(kInstant, kInstant), "Today");
  EXPECT_EQ(en->Day(kInstant, kInstant + kDay), "Yesterday");
  EXPECT_EQ(en->Day(kInstant, kInstant - kDay), "Tomorrow");
  EXPECT_EQ(en->Day(kInstant, kInstant + 2 * kDay), "Mar 5, 2024");
  EXPECT_EQ(en->Day(kInstant, kInstant - 30 * kDay), "Mar 5, 2024");

  std::unique_ptr<Formatter> de = Make("de_DE", "Europe/Berlin");
  EXPECT_EQ(de->Day(kInstant, kInstant), "Heute");
  EXPECT_EQ(de->Day(kInstant, kInstant + kDay), "Gestern");
  EXPECT_EQ(de->Day(kInstant, kInstant - kDay), "Morgen");
  std::unique_ptr<Formatter> ja = Make("ja_JP", "Asia/Tokyo");
  EXPECT_EQ(ja->Day(kInstant, kInstant), "今日");
  EXPECT_EQ(ja->Day(kInstant, kInstant + kDay), "昨日");
  EXPECT_EQ(ja->Day(kInstant, kInstant - kDay), "明日");
}

TEST(Format, DaysAreLocalCalendarDays) {
  // 23:59:30 and 00:00:30 local time are a minute apart but on different days.
  const int64_t berlin_midnight = 1709679600000;  // 2024-03-06 00:00 CET
  std::unique_ptr<Formatter> de = Make("de_DE", "Europe/Berlin");
  EXPECT_EQ(de->DaysBetween(berlin_midnight + 30000, berlin_midnight - 30000), -1);
  EXPECT_EQ(de->Day(berlin_midnight - 30000, berlin_midnight + 30000), "Gestern");
  EXPECT_EQ(de->DaysBetween(berlin_midnight + 30000, berlin_midnight + 86000000), 0);
  // Ten hours after kInstant it is the next day in London but still the same day in
  // New York: "today" depends on the zone.
  EXPECT_EQ(Make("en_GB", "Europe/London")->Day(kInstant, kInstant + 10 * kHour), "Yesterday");
  EXPECT_EQ(Make("en_US", "America/New_York")->Day(kInstant, kInstant + 10 * kHour), "Today");
  // Across the start of daylight saving time (New York, 2024-03-10, a 23-hour day), from
  // Saturday 00:30 to Sunday 23:30 is one calendar day.
  std::unique_ptr<Formatter> ny = Make("en_US", "America/New_York");
  const int64_t sat_0030 = 1709962200000;  // 2024-03-09 00:30 EST
  const int64_t sun_2330 = 1710127800000;  // 2024-03-10 23:30 EDT
  EXPECT_EQ(ny->DaysBetween(sat_0030, sun_2330), 1);
  EXPECT_EQ(ny->Day(sun_2330, sat_0030), "Tomorrow");
}

TEST(Format, HostDefaultsDoNotLeakIn) {
  // The process's default ICU locale and zone (from the host's LANG and TZ) must not
  // change anything: set odd ones, and expect the same strings.
  const icu::Locale saved_locale = icu::Locale::getDefault();
  std::unique_ptr<icu::TimeZone> saved_zone(icu::TimeZone::createDefault());
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale::setDefault(icu::Locale("ar_EG"), status);
  icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone("Pacific/Kiritimati"));
  std::unique_ptr<Formatter> f = Make("en_US", "America/New_York");
  const std::string date_time = f->DateTime(kInstant);
  const std::string number = f->Number(int64_t{1234567});
  const std::string day = f->Day(kInstant, kInstant);
  icu::Locale::setDefault(saved_locale, status);
  icu::TimeZone::adoptDefault(saved_zone.release());
  ASSERT_TRUE(U_SUCCESS(status));
  EXPECT_EQ(date_time, "Mar 5, 2024, 9:04" NNBSP "AM");
  EXPECT_EQ(number, "1,234,567");
  EXPECT_EQ(day, "Today");
}

}  // namespace
}  // namespace swivel::os::text
