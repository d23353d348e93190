// A reader's changes to their own comment (edit, delete) in the PostgreSQL engine: its
// own prepared statements, on the connection PgStore holds. Mirrors
// store/sqlite_own_comments.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "store/pg_db.hpp"
#include "store/store.hpp"

namespace parley::server::pg {

class OwnCommentStatements {
 public:
  // The schema must already be migrated (statements are prepared here).
  explicit OwnCommentStatements(Connection& db);

  std::optional<AuthoredComment> find(std::string_view site, std::int64_t id);
  bool update(std::string_view site, std::int64_t id, std::string_view text, std::string_view html);
  bool erase(std::string_view site, std::int64_t id);

 private:
  Connection& db_;
};

}  // namespace parley::server::pg
