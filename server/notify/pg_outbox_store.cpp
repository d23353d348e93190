// OutboxStore on PostgreSQL: its own connection, serialised by a mutex. Claims skip
// rows another parleyd has locked, so several servers on one database send each item
// once.
#include <mutex>

#include "notify/outbox_store.hpp"
#include "store/pg_db.hpp"
#include "store/pg_schema.hpp"

namespace parley::server::notify {
namespace {

const std::string kEnqueue = "outbox_enqueue";
const std::string kClaim = "outbox_claim";
const std::string kDelivered = "outbox_delivered";
const std::string kRetry = "outbox_retry";
const std::string kCount = "outbox_count";
const std::string kSubscribe = "subscription_add";
const std::string kByToken = "subscription_by_token";
const std::string kConfirm = "subscription_confirm";
const std::string kUnsubscribe = "subscription_remove";
const std::string kSubscribers = "subscription_subscribers";
const std::string kConfirmedAddress = "subscription_confirmed_address";
const std::string kSubscribed = "subscription_exists";
const std::string kAnnounce = "announcement_add";

constexpr std::string_view kSubscriptionColumns =
    "SELECT site, page, comment, email, token, confirmed, created FROM reply_subscriptions ";

std::vector<pg::PreparedSql> statements() {
  const std::string columns(kSubscriptionColumns);
  return {
      {kEnqueue, R"sql(
      INSERT INTO outbox (kind, target, body, next_attempt, created)
      VALUES ($1, $2, $3, $4::bigint, $4::bigint))sql"},
      {kClaim, R"sql(
      UPDATE outbox SET next_attempt = $2::bigint WHERE id IN (
        SELECT id FROM outbox WHERE state = 'pending' AND next_attempt <= $1::bigint
        ORDER BY next_attempt, id LIMIT $3::bigint FOR UPDATE SKIP LOCKED)
      RETURNING id, kind, target, body, attempts)sql"},
      {kDelivered, "UPDATE outbox SET state = 'sent', body = '', last_error = '' WHERE id = $1"},
      {kRetry, R"sql(
      UPDATE outbox SET attempts = $2::integer, next_attempt = $3::bigint, last_error = $4,
        state = $5 WHERE id = $1::bigint)sql"},
      {kCount, "SELECT count(*) FROM outbox WHERE state = $1"},
      {kSubscribe, R"sql(
      INSERT INTO reply_subscriptions (site, page, comment, email, token, confirmed, created)
      VALUES ($1, $2, $3::bigint, $4, $5, $6::integer, $7::bigint))sql"},
      {kByToken, columns + "WHERE token = $1"},
      {kConfirm, "UPDATE reply_subscriptions SET confirmed = 1 WHERE token = $1 RETURNING 1"},
      {kUnsubscribe, "DELETE FROM reply_subscriptions WHERE token = $1 RETURNING 1"},
      {kSubscribers,
       columns + "WHERE site = $1 AND comment = $2::bigint AND confirmed = 1 ORDER BY id"},
      {kConfirmedAddress, R"sql(
      SELECT 1 FROM reply_subscriptions WHERE site = $1 AND email = $2 AND confirmed = 1
      LIMIT 1)sql"},
      {kSubscribed, R"sql(
      SELECT 1 FROM reply_subscriptions WHERE site = $1 AND comment = $2::bigint AND email = $3
      LIMIT 1)sql"},
      {kAnnounce, R"sql(
      INSERT INTO announcements (site, page, created) VALUES ($1, $2, $3::bigint)
      ON CONFLICT DO NOTHING RETURNING 1)sql"},
  };
}

struct MigratedConnection : pg::Connection {
  explicit MigratedConnection(const std::string& conninfo) : Connection(conninfo) {
    pg::migrate(*this);
  }
};

Subscription subscription_row(const pg::Result& r, int row) {
  return {r.text(row, 0), r.text(row, 1),         r.integer(row, 2), r.text(row, 3),
          r.text(row, 4), r.integer(row, 5) != 0, r.integer(row, 6)};
}

class PgOutboxStore final : public OutboxStore {
 public:
  explicit PgOutboxStore(const std::string& conninfo) : db_(conninfo) { db_.prepare(statements()); }

  void enqueue(std::string_view kind, std::string_view target, std::string_view body,
               std::int64_t now) override {
    run(kEnqueue, {kind, target, body, std::to_string(now)});
  }

  std::vector<OutboxItem> claim_due(std::int64_t now, std::int64_t lease_until,
                                    std::size_t limit) override {
    const pg::Result r =
        run(kClaim, {std::to_string(now), std::to_string(lease_until), std::to_string(limit)});
    std::vector<OutboxItem> out;
    for (int row = 0; row < r.rows(); ++row) {
      out.push_back({r.integer(row, 0), r.text(row, 1), r.text(row, 2), r.text(row, 3),
                     static_cast<int>(r.integer(row, 4))});
    }
    return out;
  }

  void delivered(std::int64_t id) override { run(kDelivered, {std::to_string(id)}); }

  void retry(std::int64_t id, int attempts, std::int64_t next_attempt, std::string_view error,
             bool give_up) override {
    run(kRetry, {std::to_string(id), std::to_string(attempts), std::to_string(next_attempt), error,
                 give_up ? "failed" : "pending"});
  }

  std::size_t count(std::string_view state) override {
    return static_cast<std::size_t>(run(kCount, {state}).integer(0, 0));
  }

  void subscribe(const Subscription& s) override {
    run(kSubscribe, {s.site, s.page, std::to_string(s.comment), s.email, s.token,
                     s.confirmed ? "1" : "0", std::to_string(s.created)});
  }

  std::optional<Subscription> subscription(std::string_view token) override {
    const pg::Result r = run(kByToken, {token});
    if (r.rows() == 0) return std::nullopt;
    return subscription_row(r, 0);
  }

  bool confirm(std::string_view token) override { return run(kConfirm, {token}).rows() > 0; }

  bool unsubscribe(std::string_view token) override {
    return run(kUnsubscribe, {token}).rows() > 0;
  }

  std::vector<Subscription> subscribers(std::string_view site, std::int64_t comment) override {
    const pg::Result r = run(kSubscribers, {site, std::to_string(comment)});
    std::vector<Subscription> out;
    for (int row = 0; row < r.rows(); ++row) out.push_back(subscription_row(r, row));
    return out;
  }

  bool confirmed_address(std::string_view site, std::string_view email) override {
    return run(kConfirmedAddress, {site, email}).rows() > 0;
  }

  bool subscribed(std::string_view site, std::int64_t comment, std::string_view email) override {
    return run(kSubscribed, {site, std::to_string(comment), email}).rows() > 0;
  }

  bool record_announcement(std::string_view site, std::string_view page,
                           std::int64_t now) override {
    return run(kAnnounce, {site, page, std::to_string(now)}).rows() > 0;
  }

 private:
  pg::Result run(const std::string& name, std::initializer_list<std::string_view> params) {
    const std::lock_guard lock(mutex_);
    return db_.run(name, params);
  }

  std::mutex mutex_;
  MigratedConnection db_;
};

}  // namespace

std::unique_ptr<OutboxStore> open_pg_outbox_store(const std::string& conninfo) {
  return std::make_unique<PgOutboxStore>(conninfo);
}

}  // namespace parley::server::notify
