// The likes part of the SQLite engine: its own prepared statements, held by
// SqliteStore::Impl next to the comment statements, on the same connection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "store/sqlite_db.hpp"
#include "store/store.hpp"

namespace parley::server::sqlite {

class LikeStatements {
 public:
  // The schema must already be migrated (statements are prepared here).
  explicit LikeStatements(Database& db);

  bool add(const NewLike& like);
  bool remove(const LikeTarget& target, std::string_view liker);
  std::size_t count_from(const LikeTarget& target, std::string_view ip_hash);
  LikeSummary summary(const LikeTarget& target, std::string_view liker, std::size_t recent);
  std::vector<std::pair<std::int64_t, std::size_t>> comment_counts(std::string_view site,
                                                                   std::string_view page);
  std::vector<std::int64_t> comments_liked_by(std::string_view site, std::string_view page,
                                              std::string_view liker);
  std::size_t page_count(std::string_view site, std::string_view page);

 private:
  Database& db_;
  Statement insert_;
  Statement delete_;
  Statement count_;
  Statement count_from_;
  Statement liked_;
  Statement recent_;
  Statement comment_counts_;
  Statement comments_liked_;
};

}  // namespace parley::server::sqlite
