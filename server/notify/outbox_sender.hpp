// The thread that drains the outbox: claims due items, delivers them (delivery.hpp)
// and retries failures with exponential backoff up to the configured attempts. Posting
// only writes rows and wakes it, so no request ever waits for a mail server.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <stop_token>
#include <thread>

#include "notify/notify_config.hpp"
#include "notify/outbox_store.hpp"

namespace parley::server::notify {

// Longest wait between a failed try and the next, however many came before.
inline constexpr std::int64_t kMaxRetrySeconds = 24 * 3600;
// An item claimed by a sender that died mid-send is due again after this long.
inline constexpr std::int64_t kClaimLeaseSeconds = 10 * 60;
// How often the sender looks for due retries when nothing woke it.
inline constexpr std::chrono::seconds kOutboxPoll{1};
// Items delivered per claim: a backlog drains in batches, none holding the lock long.
inline constexpr std::size_t kOutboxBatch = 16;

// Seconds before try number `attempts` + 1, after `attempts` failures: base, 2 base,
// 4 base, … capped at kMaxRetrySeconds.
std::int64_t retry_delay(std::int64_t base_seconds, int attempts);

class OutboxSender {
 public:
  OutboxSender(OutboxStore& store, const NotifyConfig& config);
  ~OutboxSender();  // stops and joins the thread (a delivery under way finishes first)
  OutboxSender(const OutboxSender&) = delete;
  OutboxSender& operator=(const OutboxSender&) = delete;

  // Something was enqueued: look now rather than at the next poll.
  void wake();

 private:
  void run(const std::stop_token& stop);
  // Delivers what is due; returns how many items it tried.
  std::size_t drain(std::int64_t now);

  OutboxStore& store_;
  const NotifyConfig& config_;
  std::mutex mutex_;
  std::condition_variable_any woken_;
  bool pending_ = false;
  std::jthread thread_;  // last: started once everything it uses exists
};

}  // namespace parley::server::notify
