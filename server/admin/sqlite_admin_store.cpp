// AdminStore on SQLite: its own connection to parleyd's database file (WAL lets it
// share the file with the comment store), serialised by a mutex.
#include <algorithm>
#include <mutex>

#include "admin/admin_store.hpp"
#include "store/sqlite_db.hpp"
#include "store/sqlite_schema.hpp"

namespace parley::server::admin {
namespace {

struct MigratedDatabase : sqlite::Database {
  explicit MigratedDatabase(const std::string& path) : Database(path) { sqlite::migrate(*this); }
};

class SqliteAdminStore final : public AdminStore {
 public:
  explicit SqliteAdminStore(const std::string& path) : db_(path) {}

  std::optional<std::int64_t> create_user(const NewAdminUser& user) override {
    const std::lock_guard lock(mutex_);
    sqlite::Transaction tx(db_);
    auto& taken = find_user_.reset().bind(1, user.email);
    if (taken.step()) {
      taken.reset();
      return std::nullopt;
    }
    insert_user_.reset()
        .bind(1, user.email)
        .bind(2, user.password_hash)
        .bind(3, user.role)
        .bind(4, user.created)
        .run();
    const std::int64_t id = db_.last_insert_rowid();
    for (const std::string& site : user.sites) insert_site_.reset().bind(1, id).bind(2, site).run();
    tx.commit();
    return id;
  }

  std::optional<AdminUser> find_user(std::string_view email) override {
    const std::lock_guard lock(mutex_);
    auto& st = find_user_.reset().bind(1, email);
    if (!st.step()) return std::nullopt;
    AdminUser u = user_row(st);
    st.reset();
    u.sites = sites_of(u.id);
    return u;
  }

  std::vector<AdminUser> list_users() override {
    const std::lock_guard lock(mutex_);
    std::vector<AdminUser> out;
    auto& st = list_users_.reset();
    while (st.step()) out.push_back(user_row(st));
    for (AdminUser& u : out) u.sites = sites_of(u.id);
    return out;
  }

  void open_session(std::string_view id, std::int64_t user_id, std::string_view csrf,
                    std::int64_t now, std::int64_t expires) override {
    const std::lock_guard lock(mutex_);
    // Expired sessions are useless; dropping them at each login keeps the table small.
    purge_.reset().bind(1, now).run();
    insert_session_.reset()
        .bind(1, id)
        .bind(2, user_id)
        .bind(3, csrf)
        .bind(4, now)
        .bind(5, expires)
        .run();
  }

  std::optional<AdminSession> find_session(std::string_view id, std::int64_t now) override {
    const std::lock_guard lock(mutex_);
    auto& st = find_session_.reset().bind(1, id).bind(2, now);
    if (!st.step()) return std::nullopt;
    AdminSession s;
    s.user = user_row(st);
    s.csrf = st.column_text(5);
    s.expires = st.column_int(6);
    st.reset();
    s.user.sites = sites_of(s.user.id);
    return s;
  }

  void close_session(std::string_view id) override {
    const std::lock_guard lock(mutex_);
    delete_session_.reset().bind(1, id).run();
  }

 private:
  static AdminUser user_row(const sqlite::Statement& st) {
    AdminUser u;
    u.id = st.column_int(0);
    u.email = st.column_text(1);
    u.password_hash = st.column_text(2);
    u.role = st.column_text(3);
    return u;
  }

  std::vector<std::string> sites_of(std::int64_t user) {
    std::vector<std::string> sites;
    auto& st = user_sites_.reset().bind(1, user);
    while (st.step()) sites.push_back(st.column_text(0));
    return sites;
  }

  std::mutex mutex_;
  MigratedDatabase db_;  // before the statements: they are finalized before it closes
  sqlite::Statement insert_user_{db_, R"sql(
      INSERT INTO admin_users (email, password_hash, role, created) VALUES (?1, ?2, ?3, ?4))sql"};
  sqlite::Statement insert_site_{db_,
                                 "INSERT INTO admin_user_sites (user_id, site) VALUES (?1, ?2)"};
  sqlite::Statement find_user_{
      db_, "SELECT id, email, password_hash, role FROM admin_users WHERE email = ?1"};
  sqlite::Statement list_users_{
      db_, "SELECT id, email, password_hash, role FROM admin_users ORDER BY email"};
  sqlite::Statement user_sites_{
      db_, "SELECT site FROM admin_user_sites WHERE user_id = ?1 ORDER BY site"};
  sqlite::Statement insert_session_{db_, R"sql(
      INSERT INTO admin_sessions (id, user_id, csrf, created, expires)
      VALUES (?1, ?2, ?3, ?4, ?5))sql"};
  sqlite::Statement find_session_{db_, R"sql(
      SELECT u.id, u.email, u.password_hash, u.role, s.id, s.csrf, s.expires
      FROM admin_sessions s JOIN admin_users u ON u.id = s.user_id
      WHERE s.id = ?1 AND s.expires > ?2)sql"};
  sqlite::Statement delete_session_{db_, "DELETE FROM admin_sessions WHERE id = ?1"};
  sqlite::Statement purge_{db_, "DELETE FROM admin_sessions WHERE expires <= ?1"};
};

}  // namespace

bool AdminUser::may_see(std::string_view site) const {
  return std::any_of(sites.begin(), sites.end(),
                     [&](const std::string& s) { return s == kAllSites || s == site; });
}

std::unique_ptr<AdminStore> open_sqlite_admin_store(const std::string& path) {
  return std::make_unique<SqliteAdminStore>(path);
}

}  // namespace parley::server::admin
