#include "privacy/ip_hash_purger.hpp"

#include <algorithm>
#include <iostream>

#include "util/unix_time.hpp"

namespace parley::server::privacy {
std::size_t purge_ip_hashes(PrivacyStore& store, std::int64_t before, const std::stop_token& stop) {
  std::size_t total = 0;
  for (;;) {
    const std::size_t n = store.blank_ip_hashes(before, kPurgeBatch);
    total += n;
    if (n == 0 || stop.stop_requested()) return total;
    std::this_thread::sleep_for(kPurgePause);
  }
}

IpHashPurger::IpHashPurger(PrivacyStore& store, std::int64_t retention_seconds)
    : store_(store),
      retention_(retention_seconds),
      thread_([this](const std::stop_token& s) { run(s); }) {}

IpHashPurger::~IpHashPurger() {
  thread_.request_stop();
  stopped_.notify_all();
}

void IpHashPurger::run(const std::stop_token& stop) {
  const std::chrono::seconds interval{
      std::clamp<std::int64_t>(retention_, 1, kMaxPurgeInterval.count())};
  while (!stop.stop_requested()) {
    try {
      purge_ip_hashes(store_, unix_now() - retention_, stop);
    } catch (const std::exception& e) {
      // The store is unreachable (PostgreSQL restarting): the next run catches up.
      std::cerr << "parleyd: privacy: IP digest purge: " << e.what() << '\n';
    }
    std::unique_lock lock(mutex_);
    stopped_.wait_for(lock, stop, interval, [] { return false; });
  }
}

}  // namespace parley::server::privacy
