// The "privacy" member of the config (docs/privacy.md): how long the salted IP digests
// of comments and likes are kept before the purge blanks them.
#pragma once

#include <cstdint>

namespace parley::server::privacy {

inline constexpr int kDefaultIpHashDays = 30;
// Ten years: past that a retention is a typo, not a policy.
inline constexpr int kMaxIpHashDays = 3650;
inline constexpr std::int64_t kSecondsPerDay = 24 * 3600;
// Link requests on the /privacy page per minute, per client IP and per email address
// (each a mail to a real inbox): a reader needs one; a script mailing strangers is cut
// off after a few.
inline constexpr int kDataRequestsPerMinute = 3;

struct PrivacyConfig {
  // Digests older than this are blanked; 0 keeps none past the next purge run. Days in
  // the config file and --ip-hash-days; the tests set seconds (--ip-hash-seconds).
  std::int64_t ip_hash_seconds = kDefaultIpHashDays * kSecondsPerDay;
};

}  // namespace parley::server::privacy
