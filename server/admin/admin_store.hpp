// Where admin accounts and their sessions live (migration 7 of both engines). One
// engine per store engine, each on its own connection and safe to call from several
// threads (logins verify passwords on the worker pool).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::server::admin {

// "owner": manages their sites and those sites' moderators. "moderator": works the
// moderation queue of the sites given to them.
inline constexpr std::string_view kOwner = "owner";
inline constexpr std::string_view kModerator = "moderator";
// In a user's sites: every site the server serves.
inline constexpr std::string_view kAllSites = "*";

struct AdminUser {
  std::int64_t id = 0;
  std::string email;  // lower-case
  std::string password_hash;
  std::string role;
  std::vector<std::string> sites;  // sorted

  bool may_see(std::string_view site) const;
};

struct NewAdminUser {
  std::string email;
  std::string password_hash;
  std::string role;
  std::vector<std::string> sites;
  std::int64_t created = 0;
};

struct AdminSession {
  AdminUser user;
  std::string csrf;
  std::int64_t expires = 0;
};

class AdminStore {
 public:
  virtual ~AdminStore() = default;
  // The new user's id, or nullopt when the email is taken.
  virtual std::optional<std::int64_t> create_user(const NewAdminUser& user) = 0;
  virtual std::optional<AdminUser> find_user(std::string_view email) = 0;
  // Every account, by email (the owner's page lists the moderators of their sites).
  virtual std::vector<AdminUser> list_users() = 0;
  // `id` is the digest of the session token, never the token.
  virtual void open_session(std::string_view id, std::int64_t user_id, std::string_view csrf,
                            std::int64_t now, std::int64_t expires) = 0;
  // The session and its user while it has not expired.
  virtual std::optional<AdminSession> find_session(std::string_view id, std::int64_t now) = 0;
  virtual void close_session(std::string_view id) = 0;
};

// On parleyd's SQLite database file / PostgreSQL database; both migrate it first.
std::unique_ptr<AdminStore> open_sqlite_admin_store(const std::string& path);
std::unique_ptr<AdminStore> open_pg_admin_store(const std::string& conninfo);

}  // namespace parley::server::admin
