// The import/export/feed/move part of the SQLite engine: its own prepared statements,
// held by SqliteStore::Impl on the same connection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "store/sqlite_comment_insert.hpp"
#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace parley::server::sqlite {

// A comment from a row whose first eight columns are id, parent, depth, author,
// website, text, html, created (every comment query of the engine starts so).
Comment comment_from_row(const Statement& st, std::string_view page);

class ArchiveStatements {
 public:
  // The schema must already be migrated (statements are prepared here).
  explicit ArchiveStatements(Database& db);

  std::optional<ImportedRef> find_imported(std::string_view site, std::string_view source);
  std::optional<std::int64_t> insert_imported(const ImportedComment& c);
  std::vector<ThreadInfo> list_threads(std::string_view site);
  std::vector<StoredComment> dump_page(std::string_view site, std::string_view page);
  std::vector<FeedEntry> recent(std::string_view site, std::string_view page, std::size_t limit);
  std::int64_t move_thread(std::string_view site, std::string_view from, std::string_view to);

 private:
  Database& db_;
  Statement find_;
  Statement find_posted_;
  Statement ensure_thread_;
  CommentInsert insert_comment_;
  Statement insert_source_;
  Statement threads_;
  Statement dump_;
  Statement recent_site_;
  Statement recent_page_;
  Statement thread_id_;
  Statement rename_thread_;
  Statement move_comments_;
  Statement count_thread_;
  Statement delete_thread_;
  Statement move_likes_;
  Statement delete_likes_;
};

}  // namespace parley::server::sqlite
