#include "store/sqlite_store.hpp"

#include "store/sqlite_archive.hpp"
#include "store/sqlite_comment_insert.hpp"
#include "store/sqlite_db.hpp"
#include "store/sqlite_likes.hpp"
#include "store/sqlite_own_comments.hpp"
#include "store/sqlite_schema.hpp"
#include "store/sqlite_share_clicks.hpp"

namespace parley::server {
namespace {

// Migrates in its constructor, so the schema exists before any member statement of
// the store is prepared against it.
struct MigratedDatabase : sqlite::Database {
  explicit MigratedDatabase(const std::string& path) : Database(path) { sqlite::migrate(*this); }
};

}  // namespace

struct SqliteStore::Impl {
  explicit Impl(const std::string& path) : db(path) {}

  MigratedDatabase db;  // declared first: statements are finalized before it closes
  sqlite::Statement list{db, R"sql(
      SELECT c.id, c.parent, c.depth, c.author, c.website, c.text, c.html, c.created,
             c.provider, c.provider_name, c.avatar,
             c.status = 'deleted', c.pinned
      FROM comments c JOIN threads t ON t.id = c.thread_id
      WHERE t.site = ?1 AND t.page = ?2 AND c.status IN ('approved', 'deleted')
      ORDER BY c.created, c.id)sql"};
  sqlite::Statement count{db, R"sql(
      SELECT count(*) FROM comments c JOIN threads t ON t.id = c.thread_id
      WHERE t.site = ?1 AND t.page = ?2 AND c.status = 'approved')sql"};
  // The latest title wins: pages get renamed, and the newest post knows the current one.
  sqlite::Statement upsert_thread{db, R"sql(
      INSERT INTO threads (site, page, title) VALUES (?1, ?2, ?3)
      ON CONFLICT (site, page) DO UPDATE SET title = excluded.title
      RETURNING id)sql"};
  sqlite::CommentInsert insert_comment{db};
  sqlite::LikeStatements likes{db};
  // Changes when another connection committed; this connection's own writes show in
  // total_changes() instead.
  sqlite::Statement data_version{db, "PRAGMA data_version"};
  sqlite::ShareClickStatements share_clicks{db};
  sqlite::ArchiveStatements archive{db};
  sqlite::OwnCommentStatements own{db};
};

SqliteStore::SqliteStore(const std::string& path) : impl_(std::make_unique<Impl>(path)) {}
SqliteStore::~SqliteStore() = default;

std::vector<Comment> SqliteStore::list_page(std::string_view site, std::string_view page) {
  auto& st = impl_->list.reset().bind(1, site).bind(2, page);
  std::vector<Comment> out;
  while (st.step()) {
    Comment c = sqlite::comment_from_row(st, page);
    c.deleted = st.column_int(11) != 0;
    c.pinned = st.column_int(12) != 0;
    out.push_back(std::move(c));
  }
  st.reset();  // releases the read snapshot so WAL checkpoints can proceed
  return out;
}

std::size_t SqliteStore::count_page(std::string_view site, std::string_view page) {
  auto& st = impl_->count.reset().bind(1, site).bind(2, page);
  st.step();
  const auto n = static_cast<std::size_t>(st.column_int(0));
  st.reset();
  return n;
}

std::vector<std::size_t> SqliteStore::count_pages(std::string_view site,
                                                  const std::vector<std::string>& pages) {
  std::vector<std::size_t> counts;
  counts.reserve(pages.size());
  for (const std::string& page : pages) counts.push_back(count_page(site, page));
  return counts;
}

Comment SqliteStore::insert(const NewComment& c) {
  sqlite::Transaction tx(impl_->db);
  auto& thread =
      impl_->upsert_thread.reset().bind(1, c.site).bind(2, c.comment.page).bind(3, c.title);
  thread.step();
  const std::int64_t thread_id = thread.column_int(0);
  thread.reset();
  Comment stored = c.comment;
  stored.id = impl_->insert_comment.run(thread_id, c);
  tx.commit();
  return stored;
}

bool SqliteStore::add_like(const NewLike& like) {
  return impl_->likes.add(like);
}

bool SqliteStore::remove_like(const LikeTarget& target, std::string_view liker) {
  return impl_->likes.remove(target, liker);
}

std::size_t SqliteStore::count_likes_from(const LikeTarget& target, std::string_view ip_hash) {
  return impl_->likes.count_from(target, ip_hash);
}

LikeSummary SqliteStore::like_summary(const LikeTarget& target, std::string_view liker,
                                      std::size_t recent) {
  return impl_->likes.summary(target, liker, recent);
}

std::vector<std::pair<std::int64_t, std::size_t>> SqliteStore::comment_like_counts(
    std::string_view site, std::string_view page) {
  return impl_->likes.comment_counts(site, page);
}

std::vector<std::int64_t> SqliteStore::comments_liked_by(std::string_view site,
                                                         std::string_view page,
                                                         std::string_view liker) {
  return impl_->likes.comments_liked_by(site, page, liker);
}

std::vector<std::size_t> SqliteStore::count_page_likes(std::string_view site,
                                                       const std::vector<std::string>& pages) {
  std::vector<std::size_t> counts;
  counts.reserve(pages.size());
  for (const std::string& page : pages) counts.push_back(impl_->likes.page_count(site, page));
  return counts;
}

std::uint64_t SqliteStore::data_version() {
  auto& st = impl_->data_version.reset();
  st.step();
  const std::int64_t version = st.column_int(0);
  // Releases the read snapshot: kept open, a later write on this connection fails with
  // SQLITE_BUSY_SNAPSHOT once another connection (the login sessions) has committed.
  st.reset();
  // Both only grow, so their sum changes whenever either does.
  return static_cast<std::uint64_t>(version + impl_->db.total_changes());
}

void SqliteStore::add_share_click(std::string_view site, std::string_view page,
                                  std::string_view target) {
  impl_->share_clicks.add(site, page, target);
}

std::vector<ShareClicks> SqliteStore::share_clicks(std::string_view site, std::string_view page) {
  return impl_->share_clicks.list(site, page);
}

std::optional<ImportedRef> SqliteStore::find_imported(std::string_view site,
                                                      std::string_view source) {
  return impl_->archive.find_imported(site, source);
}

std::optional<std::int64_t> SqliteStore::insert_imported(const ImportedComment& c) {
  return impl_->archive.insert_imported(c);
}

std::vector<ThreadInfo> SqliteStore::list_threads(std::string_view site) {
  return impl_->archive.list_threads(site);
}

std::vector<StoredComment> SqliteStore::dump_page(std::string_view site, std::string_view page) {
  return impl_->archive.dump_page(site, page);
}

std::vector<FeedEntry> SqliteStore::recent_comments(std::string_view site, std::string_view page,
                                                    std::size_t limit) {
  return impl_->archive.recent(site, page, limit);
}

std::int64_t SqliteStore::move_thread(std::string_view site, std::string_view from,
                                      std::string_view to) {
  return impl_->archive.move_thread(site, from, to);
}

std::optional<AuthoredComment> SqliteStore::find_comment(std::string_view site, std::int64_t id) {
  return impl_->own.find(site, id);
}

bool SqliteStore::update_comment(std::string_view site, std::int64_t id, std::string_view text,
                                 std::string_view html) {
  return impl_->own.update(site, id, text, html);
}

bool SqliteStore::delete_comment(std::string_view site, std::int64_t id) {
  return impl_->own.erase(site, id);
}

}  // namespace parley::server
