// The likes part of the PostgreSQL engine: its own prepared statements, on the
// connection PgStore holds. Mirrors store/sqlite_likes.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/pg_db.hpp"
#include "store/store.hpp"

namespace parley::server::pg {

class LikeStatements {
 public:
  // The schema must already be migrated (statements are prepared here).
  explicit LikeStatements(Connection& db);

  bool add(const NewLike& like);
  bool remove(const LikeTarget& target, std::string_view liker);
  std::size_t count_from(const LikeTarget& target, std::string_view ip_hash);
  LikeSummary summary(const LikeTarget& target, std::string_view liker, std::size_t recent);
  std::vector<std::pair<std::int64_t, std::size_t>> comment_counts(std::string_view site,
                                                                   std::string_view page);
  std::vector<std::int64_t> comments_liked_by(std::string_view site, std::string_view page,
                                              std::string_view liker);
  std::vector<std::size_t> page_counts(std::string_view site,
                                       const std::vector<std::string>& pages);

 private:
  Connection& db_;
};

}  // namespace parley::server::pg
