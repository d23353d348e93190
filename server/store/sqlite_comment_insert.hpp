// The one INSERT of a comments row in the SQLite engine: posting and importing both
// store every column through it, so an export and re-import keeps what a post stored
// (a logged-in author's provider and identity among it).
#pragma once

#include <cstdint>

#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace parley::server::sqlite {

class CommentInsert {
 public:
  explicit CommentInsert(Database& db);
  // Stores `c` (its site and title are the caller's thread's) in thread `thread_id`;
  // returns the new comment's id.
  std::int64_t run(std::int64_t thread_id, const NewComment& c);

 private:
  Database& db_;
  Statement insert_;
};

}  // namespace parley::server::sqlite
