// What notifications keep (migrations 10 and 13 of both engines): the outbox of mails
// and webhook calls waiting to be delivered, reply and new-post subscriptions, and the
// pages announced to subscribers. One engine per store
// engine, each on its own connection, serialised by a mutex (the post path writes, the
// sender thread reads and marks).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::server::notify {

// One delivery: kind "mail" (target: the recipient's address; body: the whole
// message) or "webhook" (target: the URL; body: the JSON).
struct OutboxItem {
  std::int64_t id = 0;
  std::string kind;
  std::string target;
  std::string body;
  int attempts = 0;  // failed tries so far
};

// A subscription to replies to one comment, or with comment 0 (and page "") to the
// site's new posts.
inline constexpr std::int64_t kNewPosts = 0;

struct Subscription {
  std::string site;
  std::string page;
  std::int64_t comment = 0;  // replies to this comment are mailed; kNewPosts: new posts
  std::string email;
  std::string token;  // random; names the subscription in its links
  bool confirmed = false;
  std::int64_t created = 0;
};

class OutboxStore {
 public:
  virtual ~OutboxStore() = default;

  virtual void enqueue(std::string_view kind, std::string_view target, std::string_view body,
                       std::int64_t now) = 0;
  // Up to `limit` pending items due at `now`, oldest first, each claimed (not due
  // again) until `lease_until`: a second parleyd on the same PostgreSQL, or this one
  // after a crash mid-send, retries it only then.
  virtual std::vector<OutboxItem> claim_due(std::int64_t now, std::int64_t lease_until,
                                            std::size_t limit) = 0;
  virtual void delivered(std::int64_t id) = 0;
  // A failed try: due again at `next_attempt`, or given up on ("failed") when `give_up`.
  // `error` is for the owner's logs and never holds secrets.
  virtual void retry(std::int64_t id, int attempts, std::int64_t next_attempt,
                     std::string_view error, bool give_up) = 0;
  // Items in a state ("pending", "sent", "failed"): for health checks and tests.
  virtual std::size_t count(std::string_view state) = 0;

  virtual void subscribe(const Subscription& s) = 0;
  virtual std::optional<Subscription> subscription(std::string_view token) = 0;
  // Each returns false when no subscription has that token.
  virtual bool confirm(std::string_view token) = 0;
  virtual bool unsubscribe(std::string_view token) = 0;
  // The confirmed subscriptions to replies to one comment (kNewPosts: to new posts).
  virtual std::vector<Subscription> subscribers(std::string_view site, std::int64_t comment) = 0;
  // True when the address confirmed a subscription on the site before: it is theirs,
  // so it need not be confirmed again.
  virtual bool confirmed_address(std::string_view site, std::string_view email) = 0;
  // True when the address has a subscription (confirmed or not) to that comment.
  virtual bool subscribed(std::string_view site, std::int64_t comment, std::string_view email) = 0;
  // Records that the page was announced to the site's subscribers; false when it was
  // before (nothing is recorded then).
  virtual bool record_announcement(std::string_view site, std::string_view page,
                                   std::int64_t now) = 0;
};

std::unique_ptr<OutboxStore> open_sqlite_outbox_store(const std::string& path);
std::unique_ptr<OutboxStore> open_pg_outbox_store(const std::string& conninfo);

}  // namespace parley::server::notify
