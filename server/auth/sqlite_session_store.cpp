// SqliteSessionStore. The table is created idempotently here rather than as a step of
// store/sqlite_schema.cpp, so the login feature can be built and dropped without
// renumbering the comment store's migrations (see docs/login.md, "Storage").
#include <memory>

#include "auth/session_store.hpp"
#include "store/sqlite_db.hpp"

namespace parley::server::auth {
namespace {

struct SchemaDatabase : sqlite::Database {
  explicit SchemaDatabase(const std::string& path) : Database(path) {
    exec(R"sql(
      PRAGMA journal_mode = WAL;
      CREATE TABLE IF NOT EXISTS login_sessions (
        id       TEXT PRIMARY KEY,
        site     TEXT NOT NULL,
        provider TEXT NOT NULL,
        subject  TEXT NOT NULL,
        created  INTEGER NOT NULL,
        expires  INTEGER NOT NULL,
        revoked  INTEGER
      );
      CREATE INDEX IF NOT EXISTS login_sessions_by_expiry ON login_sessions (expires);
    )sql");
  }
};

class SqliteSessionStore final : public SessionStore {
 public:
  explicit SqliteSessionStore(const std::string& path) : db_(path) {}

  void open(const Identity& id, std::int64_t now) override {
    // Expired sessions are useless; dropping them on each login keeps the table small
    // without a timer.
    purge_.reset().bind(1, now).run();
    insert_.reset()
        .bind(1, id.session)
        .bind(2, id.site)
        .bind(3, id.provider)
        .bind(4, id.subject)
        .bind(5, now)
        .bind(6, id.expires)
        .run();
  }

  bool is_open(std::string_view session, std::int64_t now) override {
    auto& st = find_.reset().bind(1, session).bind(2, now);
    const bool found = st.step();
    st.reset();
    return found;
  }

  bool revoke(std::string_view session, std::int64_t now) override {
    if (!is_open(session, now)) return false;
    revoke_.reset().bind(1, session).bind(2, now).run();
    return true;
  }

 private:
  SchemaDatabase db_;  // first: statements are finalized before it closes
  sqlite::Statement insert_{db_, R"sql(
      INSERT INTO login_sessions (id, site, provider, subject, created, expires)
      VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql"};
  sqlite::Statement find_{db_, R"sql(
      SELECT 1 FROM login_sessions WHERE id = ?1 AND revoked IS NULL AND expires > ?2)sql"};
  sqlite::Statement revoke_{db_, "UPDATE login_sessions SET revoked = ?2 WHERE id = ?1"};
  sqlite::Statement purge_{db_, "DELETE FROM login_sessions WHERE expires <= ?1"};
};

}  // namespace

std::unique_ptr<SessionStore> open_sqlite_session_store(const std::string& path) {
  return std::make_unique<SqliteSessionStore>(path);
}

}  // namespace parley::server::auth
