#include "service/share_clicks.hpp"

namespace parley::server {

int ShareClickService::record(std::string_view site, std::string_view page, std::string_view target,
                              std::string_view client, RateLimiter::Clock::time_point now) {
  if (const int wait = limiter_.take(client, now); wait > 0) return wait;
  store_.add_share_click(site, page, target);
  return 0;
}

}  // namespace parley::server
