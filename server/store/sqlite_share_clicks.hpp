// The share-click counts of the SQLite engine: its own prepared statements, held by
// SqliteStore::Impl on the same connection.
#pragma once

#include <string_view>
#include <vector>

#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace parley::server::sqlite {

class ShareClickStatements {
 public:
  // The schema must already be migrated (statements are prepared here).
  explicit ShareClickStatements(Database& db);

  void add(std::string_view site, std::string_view page, std::string_view target);
  std::vector<ShareClicks> list(std::string_view site, std::string_view page);

 private:
  Statement add_;
  Statement list_;
};

}  // namespace parley::server::sqlite
