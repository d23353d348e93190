// Token-bucket arithmetic, on a synthetic clock (the HTTP tests cannot wait minutes).
#include <doctest/doctest.h>

#include "service/rate_limiter.hpp"

using parley::server::RateLimiter;
using std::chrono::milliseconds;
using std::chrono::seconds;

TEST_CASE("RateLimiter") {
  const RateLimiter::Clock::time_point t0{};

  SUBCASE("a burst up to the limit, then Retry-After until the next token") {
    RateLimiter limiter(6, 100);  // one token every 10 s
    for (int i = 0; i < 6; ++i) CHECK(limiter.take("a", t0) == 0);
    CHECK(limiter.take("a", t0) == 10);
    CHECK(limiter.take("a", t0 + seconds(4)) == 6);
    CHECK(limiter.take("a", t0 + seconds(10)) == 0);
    CHECK(limiter.take("a", t0 + seconds(10)) == 10);
  }

  SUBCASE("Retry-After is at least one second") {
    RateLimiter limiter(6, 100);
    for (int i = 0; i < 6; ++i) limiter.take("a", t0);
    CHECK(limiter.take("a", t0 + milliseconds(9999)) == 1);
  }

  SUBCASE("refills continuously but never above the limit") {
    RateLimiter limiter(60, 100);  // one token a second
    for (int i = 0; i < 60; ++i) limiter.take("a", t0);
    const auto later = t0 + seconds(3600);
    for (int i = 0; i < 60; ++i) CHECK(limiter.take("a", later) == 0);
    CHECK(limiter.take("a", later) > 0);
  }

  SUBCASE("clients are independent") {
    RateLimiter limiter(1, 100);
    CHECK(limiter.take("a", t0) == 0);
    CHECK(limiter.take("a", t0) > 0);
    CHECK(limiter.take("b", t0) == 0);
  }

  SUBCASE("zero disables the limit") {
    RateLimiter limiter(0, 100);
    for (int i = 0; i < 1000; ++i) CHECK(limiter.take("a", t0) == 0);
  }

  SUBCASE("memory stays bounded: past max_clients, idle buckets go first") {
    RateLimiter limiter(1, 2);
    CHECK(limiter.take("a", t0) == 0);
    CHECK(limiter.take("b", t0 + seconds(60)) == 0);
    // Table full: "a" has refilled (idle) and is dropped; "b" is kept with its penalty.
    CHECK(limiter.take("c", t0 + seconds(61)) == 0);
    CHECK(limiter.take("b", t0 + seconds(61)) > 0);
  }

  SUBCASE("a table full of clients mid-burst is reset rather than grown") {
    RateLimiter limiter(1, 2);
    CHECK(limiter.take("a", t0) == 0);
    CHECK(limiter.take("b", t0) == 0);
    CHECK(limiter.take("c", t0) == 0);
    // "a" was forgotten with the rest, so it starts with a full bucket again.
    CHECK(limiter.take("a", t0) == 0);
  }
}
