// OutboxStore on SQLite: its own connection to parleyd's database file, serialised by
// a mutex.
#include <mutex>

#include "notify/outbox_store.hpp"
#include "store/sqlite_db.hpp"
#include "store/sqlite_schema.hpp"

namespace parley::server::notify {
namespace {

struct MigratedDatabase : sqlite::Database {
  explicit MigratedDatabase(const std::string& path) : Database(path) { sqlite::migrate(*this); }
};

constexpr std::string_view kSubscriptionColumns =
    "SELECT site, page, comment, email, token, confirmed, created FROM reply_subscriptions ";

Subscription subscription_row(const sqlite::Statement& st) {
  return {st.column_text(0), st.column_text(1),     st.column_int(2), st.column_text(3),
          st.column_text(4), st.column_int(5) != 0, st.column_int(6)};
}

// Runs a statement whose rows say whether it changed anything (… RETURNING).
bool changed(sqlite::Statement& st) {
  const bool any = st.step();
  st.reset();
  return any;
}

class SqliteOutboxStore final : public OutboxStore {
 public:
  explicit SqliteOutboxStore(const std::string& path) : db_(path) {}

  void enqueue(std::string_view kind, std::string_view target, std::string_view body,
               std::int64_t now) override {
    const std::lock_guard lock(mutex_);
    enqueue_.reset().bind(1, kind).bind(2, target).bind(3, body).bind(4, now).run();
  }

  std::vector<OutboxItem> claim_due(std::int64_t now, std::int64_t lease_until,
                                    std::size_t limit) override {
    const std::lock_guard lock(mutex_);
    auto& st = claim_.reset().bind(1, now).bind(2, lease_until);
    st.bind(3, static_cast<std::int64_t>(limit));
    std::vector<OutboxItem> out;
    while (st.step()) {
      out.push_back({st.column_int(0), st.column_text(1), st.column_text(2), st.column_text(3),
                     static_cast<int>(st.column_int(4))});
    }
    st.reset();
    return out;
  }

  void delivered(std::int64_t id) override {
    const std::lock_guard lock(mutex_);
    delivered_.reset().bind(1, id).run();
  }

  void retry(std::int64_t id, int attempts, std::int64_t next_attempt, std::string_view error,
             bool give_up) override {
    const std::lock_guard lock(mutex_);
    retry_.reset().bind(1, id).bind(2, std::int64_t{attempts}).bind(3, next_attempt);
    retry_.bind(4, error).bind(5, give_up ? "failed" : "pending").run();
  }

  std::size_t count(std::string_view state) override {
    const std::lock_guard lock(mutex_);
    auto& st = count_.reset().bind(1, state);
    st.step();
    const auto n = static_cast<std::size_t>(st.column_int(0));
    st.reset();
    return n;
  }

  void subscribe(const Subscription& s) override {
    const std::lock_guard lock(mutex_);
    subscribe_.reset().bind(1, s.site).bind(2, s.page).bind(3, s.comment).bind(4, s.email);
    subscribe_.bind(5, s.token).bind(6, std::int64_t{s.confirmed ? 1 : 0}).bind(7, s.created);
    subscribe_.run();
  }

  std::optional<Subscription> subscription(std::string_view token) override {
    const std::lock_guard lock(mutex_);
    auto& st = by_token_.reset().bind(1, token);
    if (!st.step()) return std::nullopt;
    Subscription s = subscription_row(st);
    st.reset();
    return s;
  }

  bool confirm(std::string_view token) override {
    const std::lock_guard lock(mutex_);
    return changed(confirm_.reset().bind(1, token));
  }

  bool unsubscribe(std::string_view token) override {
    const std::lock_guard lock(mutex_);
    return changed(unsubscribe_.reset().bind(1, token));
  }

  std::vector<Subscription> subscribers(std::string_view site, std::int64_t comment) override {
    const std::lock_guard lock(mutex_);
    auto& st = subscribers_.reset().bind(1, site).bind(2, comment);
    std::vector<Subscription> out;
    while (st.step()) out.push_back(subscription_row(st));
    st.reset();
    return out;
  }

  bool confirmed_address(std::string_view site, std::string_view email) override {
    const std::lock_guard lock(mutex_);
    return changed(confirmed_address_.reset().bind(1, site).bind(2, email));
  }

  bool subscribed(std::string_view site, std::int64_t comment, std::string_view email) override {
    const std::lock_guard lock(mutex_);
    return changed(subscribed_.reset().bind(1, site).bind(2, comment).bind(3, email));
  }

  bool record_announcement(std::string_view site, std::string_view page,
                           std::int64_t now) override {
    const std::lock_guard lock(mutex_);
    return changed(announce_.reset().bind(1, site).bind(2, page).bind(3, now));
  }

 private:
  std::mutex mutex_;
  MigratedDatabase db_;
  sqlite::Statement enqueue_{db_, R"sql(
      INSERT INTO outbox (kind, target, body, next_attempt, created)
      VALUES (?1, ?2, ?3, ?4, ?4))sql"};
  sqlite::Statement claim_{db_, R"sql(
      UPDATE outbox SET next_attempt = ?2 WHERE id IN (
        SELECT id FROM outbox WHERE state = 'pending' AND next_attempt <= ?1
        ORDER BY next_attempt, id LIMIT ?3)
      RETURNING id, kind, target, body, attempts)sql"};
  sqlite::Statement delivered_{
      db_, "UPDATE outbox SET state = 'sent', body = '', last_error = '' WHERE id = ?1"};
  sqlite::Statement retry_{db_, R"sql(
      UPDATE outbox SET attempts = ?2, next_attempt = ?3, last_error = ?4, state = ?5
      WHERE id = ?1)sql"};
  sqlite::Statement count_{db_, "SELECT count(*) FROM outbox WHERE state = ?1"};
  sqlite::Statement subscribe_{db_, R"sql(
      INSERT INTO reply_subscriptions (site, page, comment, email, token, confirmed, created)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7))sql"};
  sqlite::Statement by_token_{db_, std::string(kSubscriptionColumns) + "WHERE token = ?1"};
  sqlite::Statement confirm_{
      db_, "UPDATE reply_subscriptions SET confirmed = 1 WHERE token = ?1 RETURNING 1"};
  sqlite::Statement unsubscribe_{db_,
                                 "DELETE FROM reply_subscriptions WHERE token = ?1 RETURNING 1"};
  sqlite::Statement subscribers_{
      db_, std::string(kSubscriptionColumns) +
               "WHERE site = ?1 AND comment = ?2 AND confirmed = 1 ORDER BY id"};
  sqlite::Statement confirmed_address_{db_, R"sql(
      SELECT 1 FROM reply_subscriptions WHERE site = ?1 AND email = ?2 AND confirmed = 1
      LIMIT 1)sql"};
  sqlite::Statement subscribed_{db_, R"sql(
      SELECT 1 FROM reply_subscriptions WHERE site = ?1 AND comment = ?2 AND email = ?3
      LIMIT 1)sql"};
  sqlite::Statement announce_{db_, R"sql(
      INSERT INTO announcements (site, page, created) VALUES (?1, ?2, ?3)
      ON CONFLICT DO NOTHING RETURNING 1)sql"};
};

}  // namespace

std::unique_ptr<OutboxStore> open_sqlite_outbox_store(const std::string& path) {
  return std::make_unique<SqliteOutboxStore>(path);
}

}  // namespace parley::server::notify
