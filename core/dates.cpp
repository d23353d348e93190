#include "dates.hpp"

#include <array>
#include <cstdio>

namespace parley {
namespace {

struct Civil {
  std::int64_t year;
  unsigned month;  // 1-12
  unsigned day;    // 1-31
};

// Howard Hinnant's days_from_civil inverse: exact for every proleptic Gregorian date,
// no tables, no time zone database.
Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2 ? 1 : 0), m, d};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

std::string plural(std::int64_t n, const char* unit) {
  std::string s = n == 1 ? std::string(unit[0] == 'h' ? "an " : "a ") + unit
                         : std::to_string(n) + " " + unit + "s";
  return s + " ago";
}

}  // namespace

std::string iso8601_utc(std::int64_t t) {
  const std::int64_t days = floor_div(t, 86400);
  const std::int64_t secs = t - days * 86400;
  const Civil c = civil_from_days(days);
  std::array<char, 40> buf{};
  std::snprintf(buf.data(), buf.size(), "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                static_cast<long long>(c.year), c.month, c.day, static_cast<long long>(secs / 3600),
                static_cast<long long>(secs / 60 % 60), static_cast<long long>(secs % 60));
  return buf.data();
}

std::string long_date_utc(std::int64_t t) {
  static constexpr std::array<const char*, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const Civil c = civil_from_days(floor_div(t, 86400));
  return std::string(kMonths[c.month - 1]) + " " + std::to_string(c.day) + ", " +
         std::to_string(c.year);
}

std::string relative_time(std::int64_t now, std::int64_t then) {
  const std::int64_t s = now - then;
  if (s < 60) return "just now";
  if (s < 3600) return plural(s / 60, "minute");
  if (s < 86400) return plural(s / 3600, "hour");
  if (s < 30 * 86400) return plural(s / 86400, "day");
  if (s < 365 * 86400) return plural(s / (30 * 86400), "month");
  return plural(s / (365 * 86400), "year");
}

}  // namespace parley
