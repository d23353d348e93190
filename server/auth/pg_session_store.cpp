// PgSessionStore: login sessions in PostgreSQL when parleyd's store is PostgreSQL, so
// every parleyd process behind a load balancer sees the same logouts. Like the SQLite
// engine, it creates its one table idempotently instead of adding a numbered step to
// store/pg_schema.cpp (docs/login.md, "Storage").
#include <memory>
#include <string>

#include "auth/session_store.hpp"
#include "store/pg_db.hpp"

namespace parley::server::auth {
namespace {

class PgSessionStore final : public SessionStore {
 public:
  explicit PgSessionStore(const std::string& conninfo) : db_(conninfo) {
    db_.exec(R"sql(
      CREATE TABLE IF NOT EXISTS login_sessions (
        id       TEXT PRIMARY KEY,
        site     TEXT NOT NULL,
        provider TEXT NOT NULL,
        subject  TEXT NOT NULL,
        created  BIGINT NOT NULL,
        expires  BIGINT NOT NULL,
        revoked  BIGINT
      );
      CREATE INDEX IF NOT EXISTS login_sessions_by_expiry ON login_sessions (expires);
    )sql");
  }

  void open(const Identity& id, std::int64_t now) override {
    const std::string now_text = std::to_string(now);
    // Expired sessions are useless; dropping them on each login keeps the table small.
    db_.query("DELETE FROM login_sessions WHERE expires <= $1", {now_text});
    db_.query(
        "INSERT INTO login_sessions (id, site, provider, subject, created, expires) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        {id.session, id.site, id.provider, id.subject, now_text, std::to_string(id.expires)});
  }

  bool is_open(std::string_view session, std::int64_t now) override {
    return db_.query(
                  "SELECT 1 FROM login_sessions WHERE id = $1 AND revoked IS NULL AND expires > $2",
                  {session, std::to_string(now)})
               .rows() > 0;
  }

  bool revoke(std::string_view session, std::int64_t now) override {
    const std::string now_text = std::to_string(now);
    return db_.query(
                  "UPDATE login_sessions SET revoked = $2 "
                  "WHERE id = $1 AND revoked IS NULL AND expires > $2 RETURNING 1",
                  {session, now_text})
               .rows() > 0;
  }

 private:
  pg::Connection db_;
};

}  // namespace

std::unique_ptr<SessionStore> open_pg_session_store(const std::string& conninfo) {
  return std::make_unique<PgSessionStore>(conninfo);
}

}  // namespace parley::server::auth
