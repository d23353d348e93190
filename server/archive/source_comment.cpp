#include "archive/source_comment.hpp"

namespace parley::server::archive {
namespace {

// Days from 1970-01-01 to the given civil date (H. Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::optional<std::int64_t> parse_utc_datetime(std::string_view text) {
  const std::string_view s = trim(text);
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!digits(s, 0, 4, y) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d) || (s[10] != ' ' && s[10] != 'T') || !digits(s, 11, 2, h) ||
      s[13] != ':' || !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, sec)) {
    return std::nullopt;
  }
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) {
    return std::nullopt;
  }
  std::size_t i = 19;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  }
  if (i < s.size() && s[i] == 'Z') ++i;
  if (i != s.size()) return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
         h * 3600 + mi * 60 + sec;
}

std::string page_from_link(std::string_view link) {
  std::string_view s = trim(link);
  if (const std::size_t hash = s.find('#'); hash != std::string_view::npos) s = s.substr(0, hash);
  const std::size_t scheme = s.find("://");
  if (scheme != std::string_view::npos && scheme < 10) {
    const std::size_t path = s.find_first_of("/?", scheme + 3);
    if (path == std::string_view::npos) return "/";
    if (s[path] == '?') return "/" + std::string(s.substr(path));
    s = s.substr(path);
  }
  // A query names the page only on sites without pretty links ("/?p=12",
  // "/index.php?p=12"); elsewhere it is tracking ("?utm_source=feed").
  if (const std::size_t query = s.find('?'); query != std::string_view::npos) {
    const std::string_view path = s.substr(0, query);
    if (path != "/" && !path.ends_with(".php")) s = path;
  }
  return std::string(s);
}

}  // namespace parley::server::archive
