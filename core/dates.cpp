#include "dates.hpp"

#include <cstdint>
#include <string>

#include "i18n.hpp"

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

// printf's "%0<width>lld", written out: snprintf would bring printf's machinery (6 KB of
// wasm) into the widget for this one date (<time datetime>).
void padded(std::string& out, std::int64_t n, std::size_t width) {
  if (n < 0) {
    out.push_back('-');
    if (width > 0) --width;
  }
  const std::string digits =
      std::to_string(n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n));
  if (digits.size() < width) out.append(width - digits.size(), '0');
  out.append(digits);
}

std::string ago(std::int64_t n, std::string_view key) {
  return i18n::active().count(key, static_cast<std::uint64_t>(n));
}

}  // namespace

std::string iso8601_utc(std::int64_t t) {
  const std::int64_t days = floor_div(t, 86400);
  const std::int64_t secs = t - days * 86400;
  const Civil c = civil_from_days(days);
  std::string out;
  padded(out, c.year, 4);
  out.push_back('-');
  padded(out, c.month, 2);
  out.push_back('-');
  padded(out, c.day, 2);
  out.push_back('T');
  padded(out, secs / 3600, 2);
  out.push_back(':');
  padded(out, secs / 60 % 60, 2);
  out.push_back(':');
  padded(out, secs % 60, 2);
  out.push_back('Z');
  return out;
}

std::string long_date_utc(std::int64_t t) {
  const Civil c = civil_from_days(floor_div(t, 86400));
  const i18n::Catalog& cat = i18n::active();
  return cat.text("date.long", {{"month", cat.item("date.months", c.month - 1)},
                                {"day", std::to_string(c.day)},
                                {"year", std::to_string(c.year)}});
}

std::string relative_time(std::int64_t now, std::int64_t then) {
  const std::int64_t s = now - then;
  if (s < 60) return i18n::active().text("date.just_now");
  if (s < 3600) return ago(s / 60, "date.minutes_ago");
  if (s < 86400) return ago(s / 3600, "date.hours_ago");
  if (s < 30 * 86400) return ago(s / 86400, "date.days_ago");
  if (s < 365 * 86400) return ago(s / (30 * 86400), "date.months_ago");
  return ago(s / (365 * 86400), "date.years_ago");
}

}  // namespace parley
