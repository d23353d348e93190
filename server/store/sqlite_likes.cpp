#include "store/sqlite_likes.hpp"

#include <sqlite3.h>

namespace parley::server::sqlite {
namespace {

Statement& bind_target(Statement& st, const LikeTarget& t) {
  return st.reset().bind(1, t.site).bind(2, t.page).bind(3, t.comment);
}

// One-number queries; reset afterwards releases the read snapshot (WAL checkpoints).
std::size_t single_count(Statement& st) {
  st.step();
  const auto n = static_cast<std::size_t>(st.column_int(0));
  st.reset();
  return n;
}

}  // namespace

LikeStatements::LikeStatements(Database& db)
    : db_(db),
      // The UNIQUE (site, page, comment, liker) constraint is the dedupe: a second like
      // by the same liker is ignored, not an error.
      insert_(db, R"sql(
          INSERT INTO likes (site, page, comment, liker, ip_hash, avatar, created, name)
          VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
          ON CONFLICT (site, page, comment, liker) DO NOTHING)sql"),
      delete_(db, R"sql(
          DELETE FROM likes WHERE site = ?1 AND page = ?2 AND comment = ?3 AND liker = ?4)sql"),
      count_(db, R"sql(
          SELECT count(*) FROM likes WHERE site = ?1 AND page = ?2 AND comment = ?3)sql"),
      count_from_(db, R"sql(
          SELECT count(*) FROM likes
          WHERE site = ?1 AND page = ?2 AND comment = ?3 AND ip_hash = ?4)sql"),
      liked_(db, R"sql(
          SELECT count(*) FROM likes
          WHERE site = ?1 AND page = ?2 AND comment = ?3 AND liker = ?4)sql"),
      recent_(db, R"sql(
          SELECT avatar, name FROM likes WHERE site = ?1 AND page = ?2 AND comment = ?3
          ORDER BY created DESC, id DESC LIMIT ?4)sql"),
      comment_counts_(db, R"sql(
          SELECT comment, count(*) FROM likes WHERE site = ?1 AND page = ?2 AND comment != 0
          GROUP BY comment ORDER BY comment)sql"),
      comments_liked_(db, R"sql(
          SELECT comment FROM likes
          WHERE site = ?1 AND page = ?2 AND comment != 0 AND liker = ?3 ORDER BY comment)sql") {}

bool LikeStatements::add(const NewLike& like) {
  bind_target(insert_, like.target)
      .bind(4, like.liker)
      .bind(5, like.ip_hash)
      .bind(6, like.avatar)
      .bind(7, like.created)
      .bind(8, like.name)
      .run();
  return sqlite3_changes(db_.handle()) > 0;
}

bool LikeStatements::remove(const LikeTarget& target, std::string_view liker) {
  bind_target(delete_, target).bind(4, liker).run();
  return sqlite3_changes(db_.handle()) > 0;
}

std::size_t LikeStatements::count_from(const LikeTarget& target, std::string_view ip_hash) {
  return single_count(bind_target(count_from_, target).bind(4, ip_hash));
}

LikeSummary LikeStatements::summary(const LikeTarget& target, std::string_view liker,
                                    std::size_t recent) {
  LikeSummary s;
  s.count = single_count(bind_target(count_, target));
  s.liked = !liker.empty() && single_count(bind_target(liked_, target).bind(4, liker)) > 0;
  auto& st = bind_target(recent_, target).bind(4, static_cast<std::int64_t>(recent));
  while (st.step()) s.recent.push_back({st.column_text(0), st.column_text(1)});
  st.reset();
  return s;
}

std::vector<std::pair<std::int64_t, std::size_t>> LikeStatements::comment_counts(
    std::string_view site, std::string_view page) {
  auto& st = comment_counts_.reset().bind(1, site).bind(2, page);
  std::vector<std::pair<std::int64_t, std::size_t>> out;
  while (st.step()) out.emplace_back(st.column_int(0), static_cast<std::size_t>(st.column_int(1)));
  st.reset();
  return out;
}

std::vector<std::int64_t> LikeStatements::comments_liked_by(std::string_view site,
                                                            std::string_view page,
                                                            std::string_view liker) {
  auto& st = comments_liked_.reset().bind(1, site).bind(2, page).bind(3, liker);
  std::vector<std::int64_t> out;
  while (st.step()) out.push_back(st.column_int(0));
  st.reset();
  return out;
}

std::size_t LikeStatements::page_count(std::string_view site, std::string_view page) {
  return single_count(count_.reset().bind(1, site).bind(2, page).bind(3, std::int64_t{0}));
}

}  // namespace parley::server::sqlite
