#include "store/sqlite_own_comments.hpp"

#include "store/sqlite_archive.hpp"

namespace parley::server::sqlite {

OwnCommentStatements::OwnCommentStatements(Database& db)
    : db_(db),
      find_(db, R"sql(
          SELECT c.id, c.parent, c.depth, c.author, c.website, c.text, c.html, c.created,
                 c.provider, c.provider_name, c.avatar, t.page, c.status, c.subject
          FROM comments c JOIN threads t ON t.id = c.thread_id
          WHERE t.site = ?1 AND c.id = ?2)sql"),
      update_(db, R"sql(
          UPDATE comments SET text = ?3, html = ?4
          WHERE id = ?2 AND status IN ('approved', 'pending')
          AND thread_id IN (SELECT id FROM threads WHERE site = ?1))sql"),
      // Nothing of what the author wrote or who they are stays: the row is kept only
      // as the placeholder that holds its replies' place (and their parent ids).
      erase_(db, R"sql(
          UPDATE comments SET status = 'deleted', author = '', email = '', website = '',
                 text = '', html = '', provider = '', provider_name = '', subject = '',
                 avatar = ''
          WHERE id = ?2 AND status IN ('approved', 'pending')
          AND thread_id IN (SELECT id FROM threads WHERE site = ?1))sql") {}

std::optional<AuthoredComment> OwnCommentStatements::find(std::string_view site, std::int64_t id) {
  auto& st = find_.reset().bind(1, site).bind(2, id);
  std::optional<AuthoredComment> out;
  if (st.step()) {
    out = AuthoredComment{comment_from_row(st, st.column_text(11)), st.column_text(12),
                          st.column_text(13)};
  }
  st.reset();
  return out;
}

bool OwnCommentStatements::update(std::string_view site, std::int64_t id, std::string_view text,
                                  std::string_view html) {
  const std::int64_t before = db_.total_changes();
  update_.reset().bind(1, site).bind(2, id).bind(3, text).bind(4, html).run();
  return db_.total_changes() > before;
}

bool OwnCommentStatements::erase(std::string_view site, std::int64_t id) {
  const std::int64_t before = db_.total_changes();
  erase_.reset().bind(1, site).bind(2, id).run();
  return db_.total_changes() > before;
}

}  // namespace parley::server::sqlite
