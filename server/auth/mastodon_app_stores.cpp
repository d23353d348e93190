// The two MastodonAppStore engines: SQLite and PostgreSQL (the table is migration 3 of
// each store schema).
#include <memory>

#include "auth/mastodon_app_store.hpp"
#include "store/pg_db.hpp"
#include "store/sqlite_db.hpp"

namespace parley::server::auth {
namespace {

class SqliteMastodonAppStore final : public MastodonAppStore {
 public:
  explicit SqliteMastodonAppStore(const std::string& path) : db_(path) {}

  std::optional<MastodonApp> find(const std::string& instance,
                                  const std::string& redirect_uri) override {
    auto& st = find_.reset().bind(1, instance).bind(2, redirect_uri);
    std::optional<MastodonApp> out;
    if (st.step()) out = MastodonApp{st.column_text(0), st.column_text(1)};
    st.reset();
    return out;
  }

  void save(const std::string& instance, const std::string& redirect_uri, const MastodonApp& app,
            std::int64_t now) override {
    save_.reset()
        .bind(1, instance)
        .bind(2, redirect_uri)
        .bind(3, app.client_id)
        .bind(4, app.client_secret)
        .bind(5, now)
        .run();
  }

 private:
  sqlite::Database db_;  // first: statements are finalized before it closes
  sqlite::Statement find_{db_, R"sql(
      SELECT client_id, client_secret FROM mastodon_apps
      WHERE instance = ?1 AND redirect_uri = ?2)sql"};
  sqlite::Statement save_{db_, R"sql(
      INSERT OR REPLACE INTO mastodon_apps (instance, redirect_uri, client_id, client_secret,
                                            created)
      VALUES (?1, ?2, ?3, ?4, ?5))sql"};
};

class PgMastodonAppStore final : public MastodonAppStore {
 public:
  explicit PgMastodonAppStore(const std::string& conninfo) : db_(conninfo) {}

  std::optional<MastodonApp> find(const std::string& instance,
                                  const std::string& redirect_uri) override {
    const pg::Result r = db_.query(
        "SELECT client_id, client_secret FROM mastodon_apps "
        "WHERE instance = $1 AND redirect_uri = $2",
        {instance, redirect_uri});
    if (r.rows() == 0) return std::nullopt;
    return MastodonApp{r.text(0, 0), r.text(0, 1)};
  }

  void save(const std::string& instance, const std::string& redirect_uri, const MastodonApp& app,
            std::int64_t now) override {
    db_.query(
        "INSERT INTO mastodon_apps (instance, redirect_uri, client_id, client_secret, created) "
        "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (instance, redirect_uri) DO UPDATE SET "
        "client_id = EXCLUDED.client_id, client_secret = EXCLUDED.client_secret, "
        "created = EXCLUDED.created",
        {instance, redirect_uri, app.client_id, app.client_secret, std::to_string(now)});
  }

 private:
  pg::Connection db_;
};

}  // namespace

std::unique_ptr<MastodonAppStore> open_sqlite_mastodon_app_store(const std::string& path) {
  return std::make_unique<SqliteMastodonAppStore>(path);
}

std::unique_ptr<MastodonAppStore> open_pg_mastodon_app_store(const std::string& conninfo) {
  return std::make_unique<PgMastodonAppStore>(conninfo);
}

}  // namespace parley::server::auth
