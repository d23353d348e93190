// Where login sessions live, so a token can be revoked before it expires (logout).
// The token itself carries the identity; the store only answers "is this session still
// open?" and closes it. One engine per store engine: SQLite and PostgreSQL.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "auth/session_token.hpp"

namespace parley::server::auth {

class SessionStore {
 public:
  virtual ~SessionStore() = default;
  // Records a new open session for `id` (its session id, site, subject, expiry).
  virtual void open(const Identity& id, std::int64_t now) = 0;
  // True while the session exists, is not revoked and has not expired.
  virtual bool is_open(std::string_view session, std::int64_t now) = 0;
  // Revokes the session; false when there was no open session of that id.
  virtual bool revoke(std::string_view session, std::int64_t now) = 0;
};

// Keeps sessions in the table `login_sessions` of parleyd's SQLite database, on its own
// connection (WAL lets it share the file with the comment store).
std::unique_ptr<SessionStore> open_sqlite_session_store(const std::string& path);
// Keeps them in the table `login_sessions` of parleyd's PostgreSQL database.
std::unique_ptr<SessionStore> open_pg_session_store(const std::string& conninfo);

}  // namespace parley::server::auth
