#include "store/pg_comment_insert.hpp"

namespace parley::server::pg {

std::string insert_comment_sql() {
  return R"sql(
      INSERT INTO comments (thread_id, parent, depth, author, email, website, text, html,
                            created, provider, provider_name, subject, avatar, status,
                            held_reason, email_hash, ip_hash)
      SELECT thread.id, $4::bigint, $5::integer, $6, $7, $8, $9, $10, $11::bigint, $12, $13,
             $14, $15, $16, $17, $18, $19
      FROM thread)sql";
}

Result insert_comment(Connection& db, const std::string& statement, const NewComment& c,
                      std::optional<std::string_view> source) {
  const Comment& in = c.comment;
  const std::string parent = std::to_string(in.parent);
  const std::string depth = std::to_string(in.depth);
  const std::string created = std::to_string(in.created);
  if (source) {
    return db.run(statement, {c.site,    in.page,       c.title,          parent,    depth,
                              in.author, c.email,       in.website,       in.text,   in.html,
                              created,   in.provider,   in.provider_name, c.subject, in.avatar,
                              c.status,  c.held_reason, c.email_hash,     c.ip_hash, *source});
  }
  return db.run(statement, {c.site, in.page, c.title, parent, depth, in.author, c.email, in.website,
                            in.text, in.html, created, in.provider, in.provider_name, c.subject,
                            in.avatar, c.status, c.held_reason, c.email_hash, c.ip_hash});
}

}  // namespace parley::server::pg
