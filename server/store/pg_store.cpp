#include "store/pg_store.hpp"

#include "store/pg_archive.hpp"
#include "store/pg_comment_insert.hpp"
#include "store/pg_db.hpp"
#include "store/pg_likes.hpp"
#include "store/pg_own_comments.hpp"
#include "store/pg_schema.hpp"
#include "store/pg_share_clicks.hpp"
#include "store/pg_text.hpp"

namespace parley::server {
namespace {

// Statement names, prepared on every connection (pg::Connection re-prepares after a
// reconnection).
const std::string kList = "list_page";
const std::string kCount = "count_page";
const std::string kCountMany = "count_pages";
const std::string kInsert = "insert_comment";

std::vector<pg::PreparedSql> statements() {
  return {
      {kList, R"sql(
      SELECT c.id, c.parent, c.depth, c.author, c.website, c.text, c.html, c.created,
             c.provider, c.provider_name, c.avatar,
             c.status = 'deleted', c.pinned
      FROM comments c JOIN threads t ON t.id = c.thread_id
      WHERE t.site = $1 AND t.page = $2 AND c.status IN ('approved', 'deleted')
      ORDER BY c.created, c.id)sql"},
      {kCount, R"sql(
      SELECT count(*) FROM comments c JOIN threads t ON t.id = c.thread_id
      WHERE t.site = $1 AND t.page = $2 AND c.status = 'approved')sql"},
      // One round trip for a whole counts request, in the order asked.
      {kCountMany, R"sql(
      SELECT count(c.id)
      FROM unnest($2::text[]) WITH ORDINALITY AS p (page, n)
      LEFT JOIN threads t ON t.site = $1 AND t.page = p.page
      LEFT JOIN comments c ON c.thread_id = t.id AND c.status = 'approved'
      GROUP BY p.n ORDER BY p.n)sql"},
      // One statement, so one implicit transaction: the thread upsert and the comment
      // commit together. ON CONFLICT DO UPDATE is atomic under concurrent writers, so two
      // processes posting the first comment of a page at once share one thread. The
      // latest title wins: pages get renamed, and the newest post knows the current one.
      {kInsert, R"sql(
      WITH thread AS (
        INSERT INTO threads (site, page, title) VALUES ($1, $2, $3)
        ON CONFLICT (site, page) DO UPDATE SET title = excluded.title
        RETURNING id)
      )sql" + pg::insert_comment_sql() +
                    R"sql(
      RETURNING id)sql"},
  };
}

// Migrates in its constructor, so the schema exists before any statement is prepared.
struct MigratedConnection : pg::Connection {
  explicit MigratedConnection(const std::string& conninfo) : Connection(conninfo) {
    pg::migrate(*this);
  }
};

}  // namespace

struct PgStore::Impl {
  explicit Impl(const std::string& conninfo) : db(conninfo) { db.prepare(statements()); }
  MigratedConnection db;
  pg::LikeStatements likes{db};  // after db: prepares on it
  pg::ShareClickStatements share_clicks{db};
  pg::ArchiveStatements archive{db};
  pg::OwnCommentStatements own{db};
};

PgStore::PgStore(const std::string& conninfo) : impl_(std::make_unique<Impl>(conninfo)) {}
PgStore::~PgStore() = default;

std::vector<Comment> PgStore::list_page(std::string_view site, std::string_view page) {
  const pg::Result r = impl_->db.run(kList, {site, page});
  std::vector<Comment> out;
  out.reserve(static_cast<std::size_t>(r.rows()));
  for (int row = 0; row < r.rows(); ++row) {
    Comment c = pg::comment_from_row(r, row, std::string(page));
    c.deleted = r.text(row, 11) == "t";
    c.pinned = r.integer(row, 12) != 0;
    out.push_back(std::move(c));
  }
  return out;
}

std::size_t PgStore::count_page(std::string_view site, std::string_view page) {
  return static_cast<std::size_t>(impl_->db.run(kCount, {site, page}).integer(0, 0));
}

std::vector<std::size_t> PgStore::count_pages(std::string_view site,
                                              const std::vector<std::string>& pages) {
  const pg::Result r = impl_->db.run(kCountMany, {site, pg::text_array(pages)});
  std::vector<std::size_t> counts;
  counts.reserve(pages.size());
  for (int row = 0; row < r.rows(); ++row) {
    counts.push_back(static_cast<std::size_t>(r.integer(row, 0)));
  }
  return counts;
}

Comment PgStore::insert(const NewComment& c) {
  const pg::Result r = pg::insert_comment(impl_->db, kInsert, c);
  Comment stored = c.comment;
  stored.id = r.integer(0, 0);
  return stored;
}

bool PgStore::add_like(const NewLike& like) {
  return impl_->likes.add(like);
}

bool PgStore::remove_like(const LikeTarget& target, std::string_view liker) {
  return impl_->likes.remove(target, liker);
}

std::size_t PgStore::count_likes_from(const LikeTarget& target, std::string_view ip_hash) {
  return impl_->likes.count_from(target, ip_hash);
}

LikeSummary PgStore::like_summary(const LikeTarget& target, std::string_view liker,
                                  std::size_t recent) {
  return impl_->likes.summary(target, liker, recent);
}

std::vector<std::pair<std::int64_t, std::size_t>> PgStore::comment_like_counts(
    std::string_view site, std::string_view page) {
  return impl_->likes.comment_counts(site, page);
}

std::vector<std::int64_t> PgStore::comments_liked_by(std::string_view site, std::string_view page,
                                                     std::string_view liker) {
  return impl_->likes.comments_liked_by(site, page, liker);
}

std::vector<std::size_t> PgStore::count_page_likes(std::string_view site,
                                                   const std::vector<std::string>& pages) {
  return impl_->likes.page_counts(site, pages);
}

std::uint64_t PgStore::data_version() {
  return impl_->db.writes();
}

void PgStore::add_share_click(std::string_view site, std::string_view page,
                              std::string_view target) {
  impl_->share_clicks.add(site, page, target);
}

std::vector<ShareClicks> PgStore::share_clicks(std::string_view site, std::string_view page) {
  return impl_->share_clicks.list(site, page);
}

std::optional<ImportedRef> PgStore::find_imported(std::string_view site, std::string_view source) {
  return impl_->archive.find_imported(site, source);
}

std::optional<std::int64_t> PgStore::insert_imported(const ImportedComment& c) {
  return impl_->archive.insert_imported(c);
}

std::vector<ThreadInfo> PgStore::list_threads(std::string_view site) {
  return impl_->archive.list_threads(site);
}

std::vector<StoredComment> PgStore::dump_page(std::string_view site, std::string_view page) {
  return impl_->archive.dump_page(site, page);
}

std::vector<FeedEntry> PgStore::recent_comments(std::string_view site, std::string_view page,
                                                std::size_t limit) {
  return impl_->archive.recent(site, page, limit);
}

std::int64_t PgStore::move_thread(std::string_view site, std::string_view from,
                                  std::string_view to) {
  return impl_->archive.move_thread(site, from, to);
}

std::optional<AuthoredComment> PgStore::find_comment(std::string_view site, std::int64_t id) {
  return impl_->own.find(site, id);
}

bool PgStore::update_comment(std::string_view site, std::int64_t id, std::string_view text,
                             std::string_view html) {
  return impl_->own.update(site, id, text, html);
}

bool PgStore::delete_comment(std::string_view site, std::int64_t id) {
  return impl_->own.erase(site, id);
}

}  // namespace parley::server
