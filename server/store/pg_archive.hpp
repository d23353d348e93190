// The import/export/feed/move part of the PostgreSQL engine: its own prepared
// statements, on the connection PgStore holds. Mirrors store/sqlite_archive.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/pg_db.hpp"
#include "store/store.hpp"

namespace parley::server::pg {

// A comment from a row whose first eight columns are id, parent, depth, author,
// website, text, html, created (every comment query of the engine starts so).
Comment comment_from_row(const Result& r, int row, std::string page);

class ArchiveStatements {
 public:
  // The schema must already be migrated (statements are prepared here).
  explicit ArchiveStatements(Connection& db);

  std::optional<ImportedRef> find_imported(std::string_view site, std::string_view source);
  std::optional<std::int64_t> insert_imported(const ImportedComment& c);
  std::vector<ThreadInfo> list_threads(std::string_view site);
  std::vector<StoredComment> dump_page(std::string_view site, std::string_view page);
  std::vector<FeedEntry> recent(std::string_view site, std::string_view page, std::size_t limit);
  std::int64_t move_thread(std::string_view site, std::string_view from, std::string_view to);

 private:
  Connection& db_;
};

}  // namespace parley::server::pg
