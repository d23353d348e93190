// Blanks the salted IP digests of comments and likes once they are older than the
// configured retention (docs/privacy.md), on its own thread so no request waits for it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <stop_token>
#include <thread>

#include "privacy/privacy_store.hpp"

namespace parley::server::privacy {

// Rows per table per statement: small enough that a writer waits milliseconds for the
// lock on a big table, large enough that a backlog of a million rows clears in minutes.
inline constexpr std::size_t kPurgeBatch = 500;
// The longest pause between purge runs: a digest outlives its retention by at most this.
inline constexpr std::chrono::seconds kMaxPurgeInterval{3600};
// The pause between two batches of a backlog. SQLite hands a released write lock to
// whoever asks first, and a writer waiting in its busy handler asks only after a sleep:
// without the pause, a purge that re-locks at once could keep a comment's INSERT waiting
// past its busy timeout (a 503) until the whole backlog is done.
inline constexpr std::chrono::milliseconds kPurgePause{10};

// Blanks every digest made at or before `before`, batch by batch; returns how many it
// blanked. Stops early (the next run goes on) once `stop` is requested.
std::size_t purge_ip_hashes(PrivacyStore& store, std::int64_t before,
                            const std::stop_token& stop = {});

class IpHashPurger {
 public:
  // Purges at once, then every min(retention, kMaxPurgeInterval) (at least a second).
  IpHashPurger(PrivacyStore& store, std::int64_t retention_seconds);
  ~IpHashPurger();  // stops and joins the thread (a batch under way finishes first)
  IpHashPurger(const IpHashPurger&) = delete;
  IpHashPurger& operator=(const IpHashPurger&) = delete;

 private:
  void run(const std::stop_token& stop);

  PrivacyStore& store_;
  const std::int64_t retention_;
  std::mutex mutex_;
  std::condition_variable_any stopped_;
  std::jthread thread_;  // last: started once everything it uses exists
};

}  // namespace parley::server::privacy
