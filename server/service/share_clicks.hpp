// Owner-side share counts: parleyd counts clicks on the site's own share buttons (the
// widget sends a beacon per click), so an owner can see what readers share without
// asking any network, which stopped offering counts anyway.
#pragma once

#include <string_view>
#include <vector>

#include "service/rate_limiter.hpp"
#include "store/store.hpp"

namespace parley::server {

class ShareClickService {
 public:
  ShareClickService(Store& store, RateLimiter& limiter) : store_(store), limiter_(limiter) {}

  // Counts one click from `client` (its IP). Returns 0, or the seconds to wait when the
  // client clicks faster than any reader does (a script inflating counts).
  int record(std::string_view site, std::string_view page, std::string_view target,
             std::string_view client, RateLimiter::Clock::time_point now);
  std::vector<ShareClicks> clicks(std::string_view site, std::string_view page) {
    return store_.share_clicks(site, page);
  }

 private:
  Store& store_;
  RateLimiter& limiter_;
};

}  // namespace parley::server
