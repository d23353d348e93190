// Date text without I/O or time zones: callers pass "now" in (the widget gets it
// from the browser, the server from its clock), so output is deterministic.
#pragma once

#include <cstdint>
#include <string>

namespace parley {

// "2026-11-30T04:45:23Z", for <time datetime> and feeds.
std::string iso8601_utc(std::int64_t unix_seconds);
// Wording comes from the active catalog (i18n.hpp); English shown here.
// "November 30, 2026", the absolute form shown in a tooltip.
std::string long_date_utc(std::int64_t unix_seconds);
// "just now", "1 minute ago", "5 hours ago", "3 days ago", "2 months ago",
// "4 years ago"; future times (clock skew) read "just now".
std::string relative_time(std::int64_t now, std::int64_t then);

}  // namespace parley
