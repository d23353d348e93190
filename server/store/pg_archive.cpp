#include "store/pg_archive.hpp"

#include <string>

#include "store/pg_comment_insert.hpp"

namespace parley::server::pg {
namespace {

const std::string kFind = "archive_find";
const std::string kFindPosted = "archive_find_posted";
const std::string kInsert = "archive_insert";
const std::string kThreads = "archive_threads";
const std::string kDump = "archive_dump";
const std::string kRecent = "archive_recent";
const std::string kThreadId = "archive_thread_id";
const std::string kCount = "archive_count";
const std::string kRename = "archive_rename";
const std::string kMoveComments = "archive_move_comments";
const std::string kDeleteThread = "archive_delete_thread";
const std::string kMoveLikes = "archive_move_likes";
const std::string kDeleteLikes = "archive_delete_likes";

constexpr const char* kCommentColumns =
    "c.id, c.parent, c.depth, c.author, c.website, c.text, c.html, c.created, "
    "c.provider, c.provider_name, c.avatar";

std::vector<PreparedSql> statements() {
  const std::string columns = kCommentColumns;
  return {
      {kFind, R"sql(
          SELECT c.id, c.parent, c.depth, t.page
          FROM comment_sources s JOIN comments c ON c.id = s.comment_id
          JOIN threads t ON t.id = c.thread_id
          WHERE s.site = $1 AND s.source = $2)sql"},
      {kFindPosted, R"sql(
          SELECT c.id, c.parent, c.depth, t.page FROM comments c JOIN threads t ON t.id = c.thread_id
          WHERE t.site = $1 AND c.id = $2::bigint AND c.created = $3::bigint
          AND NOT EXISTS (SELECT FROM comment_sources s WHERE s.comment_id = c.id))sql"},
      // One statement: thread, comment and source key commit together, and the
      // PRIMARY KEY (site, source) makes a concurrent second import of the same key fail
      // instead of duplicating. An import never renames a thread that has a title.
      {kInsert, R"sql(
          WITH thread AS (
            INSERT INTO threads (site, page, title) VALUES ($1, $2, $3)
            ON CONFLICT (site, page) DO UPDATE
            SET title = CASE WHEN threads.title = '' THEN excluded.title ELSE threads.title END
            RETURNING id),
          comment AS ()sql" +
                    insert_comment_sql() + R"sql(
            WHERE NOT EXISTS (SELECT FROM comment_sources WHERE site = $1 AND source = $20)
            RETURNING id)
          INSERT INTO comment_sources (site, source, comment_id)
          SELECT $1, $20, id FROM comment RETURNING comment_id)sql"},
      {kThreads, "SELECT page, title FROM threads WHERE site = $1 ORDER BY page"},
      {kDump, "SELECT " + columns + R"sql(, c.email, c.status, coalesce(s.source, ''), c.subject
          FROM comments c JOIN threads t ON t.id = c.thread_id
          LEFT JOIN comment_sources s ON s.comment_id = c.id AND s.site = t.site
          WHERE t.site = $1 AND t.page = $2
          ORDER BY c.created, c.id)sql"},
      // $3 = '' asks for the whole site.
      {kRecent, "SELECT " + columns + R"sql(, t.page, t.title
          FROM comments c JOIN threads t ON t.id = c.thread_id
          WHERE t.site = $1 AND ($3 = '' OR t.page = $3) AND c.status = 'approved'
          ORDER BY c.created DESC, c.id DESC LIMIT $2::bigint)sql"},
      {kThreadId, "SELECT id FROM threads WHERE site = $1 AND page = $2 FOR UPDATE"},
      {kCount, "SELECT count(*) FROM comments WHERE thread_id = $1::bigint"},
      {kRename, "UPDATE threads SET page = $2 WHERE id = $1::bigint"},
      {kMoveComments, "UPDATE comments SET thread_id = $2::bigint WHERE thread_id = $1::bigint"},
      {kDeleteThread, "DELETE FROM threads WHERE id = $1::bigint"},
      // A liker who liked both pages keeps one like of the merged page.
      {kMoveLikes, R"sql(
          UPDATE likes l SET page = $3 WHERE l.site = $1 AND l.page = $2
          AND NOT EXISTS (SELECT FROM likes o WHERE o.site = $1 AND o.page = $3
                          AND o.comment = l.comment AND o.liker = l.liker))sql"},
      {kDeleteLikes, "DELETE FROM likes WHERE site = $1 AND page = $2"},
  };
}

}  // namespace

Comment comment_from_row(const Result& r, int row, std::string page) {
  Comment c;
  c.id = r.integer(row, 0);
  c.parent = r.integer(row, 1);
  c.depth = static_cast<int>(r.integer(row, 2));
  c.page = std::move(page);
  c.author = r.text(row, 3);
  c.website = r.text(row, 4);
  c.text = r.text(row, 5);
  c.html = r.text(row, 6);
  c.created = r.integer(row, 7);
  c.provider = r.text(row, 8);
  c.provider_name = r.text(row, 9);
  c.avatar = r.text(row, 10);
  return c;
}

ArchiveStatements::ArchiveStatements(Connection& db) : db_(db) {
  db_.prepare(statements());
}

std::optional<ImportedRef> ArchiveStatements::find_imported(std::string_view site,
                                                            std::string_view source) {
  // An imported key first (a posted key imported from another installation is one),
  // then a comment posted here.
  Result r = db_.run(kFind, {site, source});
  if (r.rows() == 0) {
    const std::optional<PostedKey> posted = parse_posted_key(site, source);
    if (!posted) return std::nullopt;
    r = db_.run(kFindPosted, {site, std::to_string(posted->id), std::to_string(posted->created)});
    if (r.rows() == 0) return std::nullopt;
  }
  return ImportedRef{r.integer(0, 0), r.integer(0, 1), static_cast<int>(r.integer(0, 2)),
                     r.text(0, 3)};
}

std::optional<std::int64_t> ArchiveStatements::insert_imported(const ImportedComment& c) {
  const Result r = insert_comment(db_, kInsert, as_new_comment(c), c.source);
  if (r.rows() == 0) return std::nullopt;
  return r.integer(0, 0);
}

std::vector<ThreadInfo> ArchiveStatements::list_threads(std::string_view site) {
  const Result r = db_.run(kThreads, {site});
  std::vector<ThreadInfo> out;
  for (int row = 0; row < r.rows(); ++row) out.push_back({r.text(row, 0), r.text(row, 1)});
  return out;
}

std::vector<StoredComment> ArchiveStatements::dump_page(std::string_view site,
                                                        std::string_view page) {
  const Result r = db_.run(kDump, {site, page});
  std::vector<StoredComment> out;
  for (int row = 0; row < r.rows(); ++row) {
    out.push_back({comment_from_row(r, row, std::string(page)), r.text(row, 11), r.text(row, 12),
                   r.text(row, 13), r.text(row, 14)});
  }
  return out;
}

std::vector<FeedEntry> ArchiveStatements::recent(std::string_view site, std::string_view page,
                                                 std::size_t limit) {
  const Result r = db_.run(kRecent, {site, std::to_string(limit), page});
  std::vector<FeedEntry> out;
  for (int row = 0; row < r.rows(); ++row) {
    out.push_back({comment_from_row(r, row, r.text(row, 11)), r.text(row, 12)});
  }
  return out;
}

std::int64_t ArchiveStatements::move_thread(std::string_view site, std::string_view from,
                                            std::string_view to) {
  Transaction tx(db_);
  const Result source = db_.run(kThreadId, {site, from});
  if (source.rows() == 0) return -1;
  const std::string source_id = source.text(0, 0);
  const std::int64_t moved = db_.run(kCount, {source_id}).integer(0, 0);
  if (from == to) return moved;
  if (const Result target = db_.run(kThreadId, {site, to}); target.rows() > 0) {
    db_.run(kMoveComments, {source_id, target.text(0, 0)});
    db_.run(kDeleteThread, {source_id});
  } else {
    db_.run(kRename, {source_id, to});
  }
  db_.run(kMoveLikes, {site, from, to});
  db_.run(kDeleteLikes, {site, from});
  tx.commit();
  return moved;
}

}  // namespace parley::server::pg
