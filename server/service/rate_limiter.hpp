// Per-client token buckets. A bucket holds up to `per_minute` tokens and refills
// continuously at per_minute/60 tokens a second, so a client may burst up to the limit
// and then proceeds at the sustained rate.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace parley::server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // per_minute <= 0 disables the limiter.
  RateLimiter(int per_minute, std::size_t max_clients);

  // Takes one token for `client`. Returns 0 when allowed, otherwise the whole seconds
  // (at least 1) until a token will be available: the Retry-After value.
  int take(std::string_view client, Clock::time_point now);

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  void refill(Bucket& b, Clock::time_point now) const;
  void evict_idle(Clock::time_point now);

  double capacity_;
  double per_second_;
  std::size_t max_clients_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace parley::server
