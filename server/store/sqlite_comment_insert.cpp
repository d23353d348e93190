#include "store/sqlite_comment_insert.hpp"

namespace parley::server::sqlite {

CommentInsert::CommentInsert(Database& db)
    : db_(db),
      insert_(db, R"sql(
          INSERT INTO comments (thread_id, parent, depth, author, email, website, text, html,
                                created, provider, provider_name, subject, avatar, status,
                                held_reason, email_hash, ip_hash)
          VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17))sql") {
}

std::int64_t CommentInsert::run(std::int64_t thread_id, const NewComment& c) {
  const Comment& in = c.comment;
  insert_.reset()
      .bind(1, thread_id)
      .bind(2, in.parent)
      .bind(3, std::int64_t{in.depth})
      .bind(4, in.author)
      .bind(5, c.email)
      .bind(6, in.website)
      .bind(7, in.text)
      .bind(8, in.html)
      .bind(9, in.created)
      .bind(10, in.provider)
      .bind(11, in.provider_name)
      .bind(12, c.subject)
      .bind(13, in.avatar)
      .bind(14, c.status)
      .bind(15, c.held_reason)
      .bind(16, c.email_hash)
      .bind(17, c.ip_hash)
      .run();
  return db_.last_insert_rowid();
}

}  // namespace parley::server::sqlite
