#include "store/pg_likes.hpp"

#include "store/pg_text.hpp"

namespace parley::server::pg {
namespace {

const std::string kAdd = "like_add";
const std::string kRemove = "like_remove";
const std::string kCount = "like_count";
const std::string kCountFrom = "like_count_from";
const std::string kLiked = "like_liked";
const std::string kRecent = "like_recent";
const std::string kCommentCounts = "like_comment_counts";
const std::string kCommentsLiked = "like_comments_liked";
const std::string kPageCounts = "like_page_counts";

std::vector<PreparedSql> statements() {
  return {
      // The UNIQUE (site, page, comment, liker) constraint is the dedupe: a second like
      // by the same liker is ignored, not an error, even when two processes race.
      {kAdd, R"sql(
          INSERT INTO likes (site, page, comment, liker, ip_hash, avatar, created, name)
          VALUES ($1, $2, $3::bigint, $4, $5, $6, $7::bigint, $8)
          ON CONFLICT (site, page, comment, liker) DO NOTHING
          RETURNING id)sql"},
      {kRemove, R"sql(
          DELETE FROM likes WHERE site = $1 AND page = $2 AND comment = $3::bigint
          AND liker = $4 RETURNING id)sql"},
      {kCount, R"sql(
          SELECT count(*) FROM likes WHERE site = $1 AND page = $2 AND comment = $3::bigint)sql"},
      {kCountFrom, R"sql(
          SELECT count(*) FROM likes
          WHERE site = $1 AND page = $2 AND comment = $3::bigint AND ip_hash = $4)sql"},
      {kLiked, R"sql(
          SELECT count(*) FROM likes
          WHERE site = $1 AND page = $2 AND comment = $3::bigint AND liker = $4)sql"},
      {kRecent, R"sql(
          SELECT avatar, name FROM likes WHERE site = $1 AND page = $2 AND comment = $3::bigint
          ORDER BY created DESC, id DESC LIMIT $4::bigint)sql"},
      {kCommentCounts, R"sql(
          SELECT comment, count(*) FROM likes WHERE site = $1 AND page = $2 AND comment != 0
          GROUP BY comment ORDER BY comment)sql"},
      {kCommentsLiked, R"sql(
          SELECT comment FROM likes
          WHERE site = $1 AND page = $2 AND comment != 0 AND liker = $3 ORDER BY comment)sql"},
      // One round trip for a whole counts request, in the order asked.
      {kPageCounts, R"sql(
          SELECT count(l.id)
          FROM unnest($2::text[]) WITH ORDINALITY AS p (page, n)
          LEFT JOIN likes l ON l.site = $1 AND l.page = p.page AND l.comment = 0
          GROUP BY p.n ORDER BY p.n)sql"},
  };
}

std::size_t single_count(const Result& r) {
  return static_cast<std::size_t>(r.integer(0, 0));
}

}  // namespace

LikeStatements::LikeStatements(Connection& db) : db_(db) {
  db_.prepare(statements());
}

bool LikeStatements::add(const NewLike& like) {
  const LikeTarget& t = like.target;
  return db_.run(kAdd, {t.site, t.page, std::to_string(t.comment), like.liker, like.ip_hash,
                        like.avatar, std::to_string(like.created), like.name})
             .rows() > 0;
}

bool LikeStatements::remove(const LikeTarget& t, std::string_view liker) {
  return db_.run(kRemove, {t.site, t.page, std::to_string(t.comment), liker}).rows() > 0;
}

std::size_t LikeStatements::count_from(const LikeTarget& t, std::string_view ip_hash) {
  return single_count(db_.run(kCountFrom, {t.site, t.page, std::to_string(t.comment), ip_hash}));
}

LikeSummary LikeStatements::summary(const LikeTarget& t, std::string_view liker,
                                    std::size_t recent) {
  const std::string comment = std::to_string(t.comment);
  LikeSummary s;
  s.count = single_count(db_.run(kCount, {t.site, t.page, comment}));
  s.liked = !liker.empty() && single_count(db_.run(kLiked, {t.site, t.page, comment, liker})) > 0;
  const Result r = db_.run(kRecent, {t.site, t.page, comment, std::to_string(recent)});
  for (int row = 0; row < r.rows(); ++row) s.recent.push_back({r.text(row, 0), r.text(row, 1)});
  return s;
}

std::vector<std::pair<std::int64_t, std::size_t>> LikeStatements::comment_counts(
    std::string_view site, std::string_view page) {
  const Result r = db_.run(kCommentCounts, {site, page});
  std::vector<std::pair<std::int64_t, std::size_t>> out;
  for (int row = 0; row < r.rows(); ++row) {
    out.emplace_back(r.integer(row, 0), static_cast<std::size_t>(r.integer(row, 1)));
  }
  return out;
}

std::vector<std::int64_t> LikeStatements::comments_liked_by(std::string_view site,
                                                            std::string_view page,
                                                            std::string_view liker) {
  const Result r = db_.run(kCommentsLiked, {site, page, liker});
  std::vector<std::int64_t> out;
  for (int row = 0; row < r.rows(); ++row) out.push_back(r.integer(row, 0));
  return out;
}

std::vector<std::size_t> LikeStatements::page_counts(std::string_view site,
                                                     const std::vector<std::string>& pages) {
  const Result r = db_.run(kPageCounts, {site, text_array(pages)});
  std::vector<std::size_t> out;
  out.reserve(pages.size());
  for (int row = 0; row < r.rows(); ++row)
    out.push_back(static_cast<std::size_t>(r.integer(row, 0)));
  return out;
}

}  // namespace parley::server::pg
