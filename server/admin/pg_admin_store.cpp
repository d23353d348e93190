// AdminStore on PostgreSQL: its own connection, serialised by a mutex. A user's sites
// come back as one array column, so every lookup is one round trip.
#include <mutex>

#include "admin/admin_store.hpp"
#include "store/pg_db.hpp"
#include "store/pg_schema.hpp"
#include "store/pg_text.hpp"

namespace parley::server::admin {
namespace {

const std::string kCreateUser = "admin_create_user";
const std::string kFindUser = "admin_find_user";
const std::string kListUsers = "admin_list_users";
const std::string kOpenSession = "admin_open_session";
const std::string kFindSession = "admin_find_session";
const std::string kCloseSession = "admin_close_session";

// Sites as one text value, one site per line (site ids never hold a newline).
constexpr const char* kSitesColumn =
    "(SELECT coalesce(string_agg(site, E'\\n' ORDER BY site), '') FROM admin_user_sites "
    "WHERE user_id = u.id)";

std::vector<pg::PreparedSql> statements() {
  const std::string user_columns =
      std::string("u.id, u.email, u.password_hash, u.role, ") + kSitesColumn;
  return {
      // One statement: the user and their sites commit together; nothing when taken.
      {kCreateUser, R"sql(
      WITH u AS (
        INSERT INTO admin_users (email, password_hash, role, created)
        VALUES ($1, $2, $3, $4::bigint) ON CONFLICT (email) DO NOTHING RETURNING id),
      s AS (
        INSERT INTO admin_user_sites (user_id, site)
        SELECT u.id, site FROM u, unnest($5::text[]) AS site)
      SELECT id FROM u)sql"},
      {kFindUser, "SELECT " + user_columns + " FROM admin_users u WHERE u.email = $1"},
      {kListUsers, "SELECT " + user_columns + " FROM admin_users u ORDER BY u.email"},
      {kOpenSession, R"sql(
      WITH purge AS (DELETE FROM admin_sessions WHERE expires <= $4::bigint)
      INSERT INTO admin_sessions (id, user_id, csrf, created, expires)
      VALUES ($1, $2::bigint, $3, $4::bigint, $5::bigint))sql"},
      {kFindSession, "SELECT " + user_columns + R"sql(, s.csrf, s.expires
      FROM admin_sessions s JOIN admin_users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.expires > $2::bigint)sql"},
      {kCloseSession, "DELETE FROM admin_sessions WHERE id = $1"},
  };
}

struct MigratedConnection : pg::Connection {
  explicit MigratedConnection(const std::string& conninfo) : Connection(conninfo) {
    pg::migrate(*this);
  }
};

AdminUser user_row(const pg::Result& r, int row) {
  AdminUser u;
  u.id = r.integer(row, 0);
  u.email = r.text(row, 1);
  u.password_hash = r.text(row, 2);
  u.role = r.text(row, 3);
  const std::string sites = r.text(row, 4);
  for (std::size_t start = 0; start < sites.size();) {
    std::size_t end = sites.find('\n', start);
    if (end == std::string::npos) end = sites.size();
    u.sites.push_back(sites.substr(start, end - start));
    start = end + 1;
  }
  return u;
}

class PgAdminStore final : public AdminStore {
 public:
  explicit PgAdminStore(const std::string& conninfo) : db_(conninfo) { db_.prepare(statements()); }

  std::optional<std::int64_t> create_user(const NewAdminUser& user) override {
    const std::lock_guard lock(mutex_);
    const pg::Result r =
        db_.run(kCreateUser, {user.email, user.password_hash, user.role,
                              std::to_string(user.created), pg::text_array(user.sites)});
    if (r.rows() == 0) return std::nullopt;
    return r.integer(0, 0);
  }

  std::optional<AdminUser> find_user(std::string_view email) override {
    const std::lock_guard lock(mutex_);
    const pg::Result r = db_.run(kFindUser, {email});
    if (r.rows() == 0) return std::nullopt;
    return user_row(r, 0);
  }

  std::vector<AdminUser> list_users() override {
    const std::lock_guard lock(mutex_);
    const pg::Result r = db_.run(kListUsers, {});
    std::vector<AdminUser> out;
    for (int row = 0; row < r.rows(); ++row) out.push_back(user_row(r, row));
    return out;
  }

  void open_session(std::string_view id, std::int64_t user_id, std::string_view csrf,
                    std::int64_t now, std::int64_t expires) override {
    const std::lock_guard lock(mutex_);
    db_.run(kOpenSession,
            {id, std::to_string(user_id), csrf, std::to_string(now), std::to_string(expires)});
  }

  std::optional<AdminSession> find_session(std::string_view id, std::int64_t now) override {
    const std::lock_guard lock(mutex_);
    const pg::Result r = db_.run(kFindSession, {id, std::to_string(now)});
    if (r.rows() == 0) return std::nullopt;
    AdminSession s;
    s.user = user_row(r, 0);
    s.csrf = r.text(0, 5);
    s.expires = r.integer(0, 6);
    return s;
  }

  void close_session(std::string_view id) override {
    const std::lock_guard lock(mutex_);
    db_.run(kCloseSession, {id});
  }

 private:
  std::mutex mutex_;
  MigratedConnection db_;
};

}  // namespace

std::unique_ptr<AdminStore> open_pg_admin_store(const std::string& conninfo) {
  return std::make_unique<PgAdminStore>(conninfo);
}

}  // namespace parley::server::admin
