#pragma once
// Dates and times for the device locale (ICU). Time is given, never read here: the OS takes
// it from the HAL clock (wall_time_ms), and formats it in the device's time zone.
#include <cstdint>
#include <string>
#include <string_view>

namespace swivel::os::text {

// The short time of day as the locale writes it: "9:41 AM" (en_US, with U+202F before AM
// in ICU 72), "09:41" (de_DE). An unknown zone id is taken as UTC.
std::string FormatShortTime(int64_t unix_ms, std::string_view locale, std::string_view zone);
// The medium date: "Nov 25, 2026" (en_US), "25.11.2026" (de_DE).
std::string FormatMediumDate(int64_t unix_ms, std::string_view locale, std::string_view zone);

}  // namespace swivel::os::text
