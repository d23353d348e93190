// A reader's changes to their own comment (edit, delete) in the SQLite engine: its own
// prepared statements, held by SqliteStore::Impl on the same connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace parley::server::sqlite {

class OwnCommentStatements {
 public:
  // The schema must already be migrated (statements are prepared here).
  explicit OwnCommentStatements(Database& db);

  std::optional<AuthoredComment> find(std::string_view site, std::int64_t id);
  bool update(std::string_view site, std::int64_t id, std::string_view text, std::string_view html);
  bool erase(std::string_view site, std::int64_t id);

 private:
  Database& db_;
  Statement find_;
  Statement update_;
  Statement erase_;
};

}  // namespace parley::server::sqlite
