#include "store/pg_own_comments.hpp"

#include <string>

#include "store/pg_archive.hpp"

namespace parley::server::pg {
namespace {

const std::string kFind = "own_find";
const std::string kUpdate = "own_update";
const std::string kErase = "own_erase";

}  // namespace

OwnCommentStatements::OwnCommentStatements(Connection& db) : db_(db) {
  db_.prepare({
      {kFind, R"sql(
          SELECT c.id, c.parent, c.depth, c.author, c.website, c.text, c.html, c.created,
                 c.provider, c.provider_name, c.avatar, t.page, c.status, c.subject
          FROM comments c JOIN threads t ON t.id = c.thread_id
          WHERE t.site = $1 AND c.id = $2::bigint)sql"},
      {kUpdate, R"sql(
          UPDATE comments SET text = $3, html = $4
          WHERE id = $2::bigint AND status IN ('approved', 'pending')
          AND thread_id IN (SELECT id FROM threads WHERE site = $1) RETURNING id)sql"},
      // Nothing of what the author wrote or who they are stays: the row is kept only
      // as the placeholder that holds its replies' place (and their parent ids).
      {kErase, R"sql(
          UPDATE comments SET status = 'deleted', author = '', email = '', website = '',
                 text = '', html = '', provider = '', provider_name = '', subject = '',
                 avatar = ''
          WHERE id = $2::bigint AND status IN ('approved', 'pending')
          AND thread_id IN (SELECT id FROM threads WHERE site = $1) RETURNING id)sql"},
  });
}

std::optional<AuthoredComment> OwnCommentStatements::find(std::string_view site, std::int64_t id) {
  const Result r = db_.run(kFind, {site, std::to_string(id)});
  if (r.rows() == 0) return std::nullopt;
  return AuthoredComment{comment_from_row(r, 0, r.text(0, 11)), r.text(0, 12), r.text(0, 13)};
}

bool OwnCommentStatements::update(std::string_view site, std::int64_t id, std::string_view text,
                                  std::string_view html) {
  return db_.run(kUpdate, {site, std::to_string(id), text, html}).rows() > 0;
}

bool OwnCommentStatements::erase(std::string_view site, std::int64_t id) {
  return db_.run(kErase, {site, std::to_string(id)}).rows() > 0;
}

}  // namespace parley::server::pg
