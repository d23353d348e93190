// The share-click counts of the PostgreSQL engine: its own prepared statements, on the
// connection PgStore holds. Mirrors store/sqlite_share_clicks.hpp.
#pragma once

#include <string_view>
#include <vector>

#include "store/pg_db.hpp"
#include "store/store.hpp"

namespace parley::server::pg {

class ShareClickStatements {
 public:
  // The schema must already be migrated (statements are prepared here).
  explicit ShareClickStatements(Connection& db);

  void add(std::string_view site, std::string_view page, std::string_view target);
  std::vector<ShareClicks> list(std::string_view site, std::string_view page);

 private:
  Connection& db_;
};

}  // namespace parley::server::pg
