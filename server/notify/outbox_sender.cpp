#include "notify/outbox_sender.hpp"

#include <chrono>
#include <iostream>

#include "notify/delivery.hpp"
#include "util/unix_time.hpp"

namespace parley::server::notify {

std::int64_t retry_delay(std::int64_t base_seconds, int attempts) {
  std::int64_t delay = base_seconds;
  for (int i = 1; i < attempts && delay < kMaxRetrySeconds; ++i) delay *= 2;
  return std::min(delay, kMaxRetrySeconds);
}

OutboxSender::OutboxSender(OutboxStore& store, const NotifyConfig& config)
    : store_(store), config_(config), thread_([this](const std::stop_token& s) { run(s); }) {}

OutboxSender::~OutboxSender() {
  thread_.request_stop();
  woken_.notify_all();
}

void OutboxSender::wake() {
  {
    const std::lock_guard lock(mutex_);
    pending_ = true;
  }
  woken_.notify_all();
}

std::size_t OutboxSender::drain(std::int64_t now) {
  const std::vector<OutboxItem> due = store_.claim_due(now, now + kClaimLeaseSeconds, kOutboxBatch);
  for (const OutboxItem& item : due) {
    const Delivery d = item.kind == "mail"
                           ? send_mail(config_.smtp, item.target, item.body)
                           : post_webhook(item.target, item.body, config_.webhook_secret);
    if (d.ok) {
      store_.delivered(item.id);
      continue;
    }
    const int attempts = item.attempts + 1;
    const bool give_up = attempts >= config_.max_attempts;
    // The item's id, not its recipient: the log holds no reader's address.
    std::cerr << "parleyd: notify: " << item.kind << ' ' << item.id << " failed (try " << attempts
              << "): " << d.error << (give_up ? "; giving up" : "") << '\n';
    store_.retry(item.id, attempts, unix_now() + retry_delay(config_.retry_seconds, attempts),
                 d.error, give_up);
  }
  return due.size();
}

void OutboxSender::run(const std::stop_token& stop) {
  while (!stop.stop_requested()) {
    std::size_t tried = 0;
    try {
      tried = drain(unix_now());
    } catch (const std::exception& e) {
      // The store is unreachable (PostgreSQL restarting): the rows wait; try again.
      std::cerr << "parleyd: notify: outbox: " << e.what() << '\n';
    }
    if (tried == kOutboxBatch) continue;  // more may be due at once
    std::unique_lock lock(mutex_);
    woken_.wait_for(lock, stop, kOutboxPoll, [this] { return pending_; });
    pending_ = false;
  }
}

}  // namespace parley::server::notify
