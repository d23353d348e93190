#include "service/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace parley::server {

RateLimiter::RateLimiter(int per_minute, std::size_t max_clients)
    : capacity_(per_minute), per_second_(per_minute / 60.0), max_clients_(max_clients) {}

void RateLimiter::refill(Bucket& b, Clock::time_point now) const {
  const double elapsed = std::chrono::duration<double>(now - b.updated).count();
  b.tokens = std::min(capacity_, b.tokens + std::max(0.0, elapsed) * per_second_);
  b.updated = now;
}

void RateLimiter::evict_idle(Clock::time_point now) {
  // A full bucket carries no information: dropping it is the same as a new client.
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    refill(it->second, now);
    it = it->second.tokens >= capacity_ ? buckets_.erase(it) : std::next(it);
  }
  // Every tracked client is mid-burst (an address-spraying flood): start over rather
  // than grow without bound.
  if (buckets_.size() >= max_clients_) buckets_.clear();
}

int RateLimiter::take(std::string_view client, Clock::time_point now) {
  if (capacity_ <= 0) return 0;
  auto it = buckets_.find(std::string(client));
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) evict_idle(now);
    it = buckets_.emplace(std::string(client), Bucket{capacity_, now}).first;
  }
  Bucket& b = it->second;
  refill(b, now);
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  const double wait = (1.0 - b.tokens) / per_second_;
  return std::max(1, static_cast<int>(std::ceil(wait)));
}

}  // namespace parley::server
