// ModerationStore on SQLite: its own connection to parleyd's database file, serialised
// by a mutex. Writes here are other-connection commits to the comment store, whose
// data_version() therefore changes and whose cached threads are rebuilt.
#include <mutex>

#include "store/moderation_store.hpp"
#include "store/sqlite_archive.hpp"
#include "store/sqlite_db.hpp"
#include "store/sqlite_schema.hpp"

namespace parley::server {
namespace {

constexpr std::string_view kQueueSelect = R"sql(
    SELECT c.id, c.parent, c.depth, c.author, c.website, c.text, c.html, c.created,
           c.provider, c.provider_name, c.avatar, t.page, c.status, c.held_reason, c.email,
           CASE WHEN c.subject <> '' THEN c.provider || ':' || c.subject ELSE '' END,
           c.email_hash, c.ip_hash, t.title, c.pinned
    FROM comments c JOIN threads t ON t.id = c.thread_id )sql";

struct MigratedDatabase : sqlite::Database {
  explicit MigratedDatabase(const std::string& path) : Database(path) { sqlite::migrate(*this); }
};

// The queue's columns, in the order queue_item() reads them, then `where`.
std::string queue_sql(std::string_view where) {
  return std::string(kQueueSelect) + std::string(where);
}

QueueItem queue_item(const sqlite::Statement& st) {
  QueueItem q;
  q.comment = sqlite::comment_from_row(st, st.column_text(11));
  q.status = st.column_text(12);
  q.reason = st.column_text(13);
  q.email = st.column_text(14);
  q.keys = {st.column_text(15), st.column_text(16), st.column_text(17)};
  q.title = st.column_text(18);
  q.comment.pinned = st.column_int(19) != 0;
  return q;
}

// Runs an UPDATE … RETURNING: true when it changed a row.
bool changed(sqlite::Statement& st) {
  const bool any = st.step();
  st.reset();
  return any;
}

class SqliteModerationStore final : public ModerationStore {
 public:
  explicit SqliteModerationStore(const std::string& path) : db_(path) {}

  std::optional<std::string> mode(std::string_view site) override {
    const std::lock_guard lock(mutex_);
    auto& st = mode_.reset().bind(1, site);
    if (!st.step()) return std::nullopt;
    std::string m = st.column_text(0);
    st.reset();
    return m;
  }

  void set_mode(std::string_view site, std::string_view mode) override {
    const std::lock_guard lock(mutex_);
    set_mode_.reset().bind(1, site).bind(2, mode).run();
  }

  bool banned(std::string_view site, const AuthorKeys& a) override {
    const std::lock_guard lock(mutex_);
    auto& st = banned_.reset().bind(1, site).bind(2, a.identity).bind(3, a.email_hash);
    st.bind(4, a.ip_hash);
    return changed(st);
  }

  void ban(std::string_view site, const Ban& b) override {
    const std::lock_guard lock(mutex_);
    ban_.reset().bind(1, site).bind(2, b.kind).bind(3, b.value).bind(4, b.created).run();
  }

  bool unban(std::string_view site, std::string_view kind, std::string_view value) override {
    const std::lock_guard lock(mutex_);
    return changed(unban_.reset().bind(1, site).bind(2, kind).bind(3, value));
  }

  std::vector<Ban> bans(std::string_view site) override {
    const std::lock_guard lock(mutex_);
    std::vector<Ban> out;
    auto& st = bans_.reset().bind(1, site);
    while (st.step()) out.push_back({st.column_text(0), st.column_text(1), st.column_int(2)});
    return out;
  }

  bool known_author(std::string_view site, const AuthorKeys& a) override {
    const std::lock_guard lock(mutex_);
    auto& st = known_.reset().bind(1, site).bind(2, a.identity).bind(3, a.email_hash);
    st.bind(4, a.ip_hash);
    return changed(st);
  }

  bool posted_recently(std::string_view site, const AuthorKeys& a, std::string_view text,
                       std::int64_t since) override {
    const std::lock_guard lock(mutex_);
    auto& st = posted_.reset().bind(1, site).bind(2, text).bind(3, a.identity);
    st.bind(4, a.email_hash).bind(5, a.ip_hash).bind(6, since);
    return changed(st);
  }

  bool closed(std::string_view site, std::string_view page) override {
    const std::lock_guard lock(mutex_);
    auto& st = closed_.reset().bind(1, site).bind(2, page);
    const bool is_closed = st.step() && st.column_int(0) != 0;
    st.reset();
    return is_closed;
  }

  bool set_closed(std::string_view site, std::string_view page, bool closed) override {
    const std::lock_guard lock(mutex_);
    return changed(set_closed_.reset().bind(1, site).bind(2, page).bind(3, closed ? 1 : 0));
  }

  std::vector<QueueItem> queue(const QueueQuery& q) override {
    const std::lock_guard lock(mutex_);
    auto& st = queue_.reset().bind(1, q.site).bind(2, q.status).bind(3, q.text);
    st.bind(4, q.author).bind(5, q.page).bind(6, static_cast<std::int64_t>(q.limit));
    std::vector<QueueItem> out;
    while (st.step()) out.push_back(queue_item(st));
    return out;
  }

  std::optional<QueueItem> find(std::string_view site, std::int64_t id) override {
    const std::lock_guard lock(mutex_);
    auto& st = find_.reset().bind(1, site).bind(2, id);
    if (!st.step()) return std::nullopt;
    QueueItem item = queue_item(st);
    st.reset();
    return item;
  }

  bool set_status(std::string_view site, std::int64_t id, std::string_view status) override {
    const std::lock_guard lock(mutex_);
    return changed(set_status_.reset().bind(1, site).bind(2, id).bind(3, status));
  }

  bool edit(std::string_view site, std::int64_t id, std::string_view text,
            std::string_view html) override {
    const std::lock_guard lock(mutex_);
    return changed(edit_.reset().bind(1, site).bind(2, id).bind(3, text).bind(4, html));
  }

  bool set_pinned(std::string_view site, std::int64_t id, bool pinned) override {
    const std::lock_guard lock(mutex_);
    return changed(set_pinned_.reset().bind(1, site).bind(2, id).bind(3, pinned ? 1 : 0));
  }

 private:
  std::mutex mutex_;
  MigratedDatabase db_;  // before the statements: they are finalized before it closes
  sqlite::Statement mode_{db_, "SELECT mode FROM site_moderation WHERE site = ?1"};
  sqlite::Statement set_mode_{db_, R"sql(
      INSERT INTO site_moderation (site, mode) VALUES (?1, ?2)
      ON CONFLICT (site) DO UPDATE SET mode = excluded.mode)sql"};
  sqlite::Statement banned_{db_, R"sql(
      SELECT 1 FROM bans WHERE site = ?1 AND (
        (kind = 'identity' AND ?2 <> '' AND value = ?2) OR
        (kind = 'email' AND ?3 <> '' AND value = ?3) OR
        (kind = 'ip' AND ?4 <> '' AND value = ?4)) LIMIT 1)sql"};
  sqlite::Statement ban_{db_, R"sql(
      INSERT INTO bans (site, kind, value, created) VALUES (?1, ?2, ?3, ?4)
      ON CONFLICT (site, kind, value) DO NOTHING)sql"};
  sqlite::Statement unban_{
      db_, "DELETE FROM bans WHERE site = ?1 AND kind = ?2 AND value = ?3 RETURNING 1"};
  sqlite::Statement bans_{
      db_, "SELECT kind, value, created FROM bans WHERE site = ?1 ORDER BY created DESC, kind"};
  // The strongest key the author has decides: a logged-in reader is known by identity
  // only, a guest by their email digest, else by their address digest.
  sqlite::Statement known_{db_, R"sql(
      SELECT 1 FROM comments c JOIN threads t ON t.id = c.thread_id
      WHERE t.site = ?1 AND c.status = 'approved' AND (
        (?2 <> '' AND c.subject <> '' AND c.provider || ':' || c.subject = ?2) OR
        (?2 = '' AND ?3 <> '' AND c.email_hash = ?3) OR
        (?2 = '' AND ?3 = '' AND ?4 <> '' AND c.ip_hash = ?4)) LIMIT 1)sql"};
  sqlite::Statement posted_{db_, R"sql(
      SELECT 1 FROM comments c JOIN threads t ON t.id = c.thread_id
      WHERE t.site = ?1 AND c.created >= ?6 AND c.text = ?2 AND c.status <> 'deleted' AND (
        (?3 <> '' AND c.subject <> '' AND c.provider || ':' || c.subject = ?3) OR
        (?4 <> '' AND c.email_hash = ?4) OR
        (?3 = '' AND ?4 = '' AND ?5 <> '' AND c.ip_hash = ?5)) LIMIT 1)sql"};
  sqlite::Statement closed_{db_, "SELECT closed FROM threads WHERE site = ?1 AND page = ?2"};
  sqlite::Statement set_closed_{
      db_, "UPDATE threads SET closed = ?3 WHERE site = ?1 AND page = ?2 RETURNING id"};
  sqlite::Statement queue_{db_, queue_sql(R"sql(
      WHERE t.site = ?1 AND (?2 = '' OR c.status = ?2)
        AND (?3 = '' OR instr(lower(c.text), lower(?3)) > 0)
        AND (?4 = '' OR instr(lower(c.author), lower(?4)) > 0
                     OR instr(lower(c.email), lower(?4)) > 0)
        AND (?5 = '' OR instr(t.page, ?5) > 0)
      ORDER BY c.created DESC, c.id DESC LIMIT ?6)sql")};
  sqlite::Statement find_{db_, queue_sql("WHERE t.site = ?1 AND c.id = ?2")};
  sqlite::Statement set_status_{db_, R"sql(
      UPDATE comments SET status = ?3
      WHERE id = ?2 AND thread_id IN (SELECT id FROM threads WHERE site = ?1) RETURNING id)sql"};
  sqlite::Statement edit_{db_, R"sql(
      UPDATE comments SET text = ?3, html = ?4
      WHERE id = ?2 AND thread_id IN (SELECT id FROM threads WHERE site = ?1) RETURNING id)sql"};
  sqlite::Statement set_pinned_{db_, R"sql(
      UPDATE comments SET pinned = ?3
      WHERE id = ?2 AND thread_id IN (SELECT id FROM threads WHERE site = ?1) RETURNING id)sql"};
};

}  // namespace

std::unique_ptr<ModerationStore> open_sqlite_moderation_store(const std::string& path) {
  return std::make_unique<SqliteModerationStore>(path);
}

}  // namespace parley::server
