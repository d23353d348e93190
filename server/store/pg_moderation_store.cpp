// ModerationStore on PostgreSQL: its own connection, serialised by a mutex. Its writes
// fire the comments/threads change triggers of migration 4, so every parleyd on the
// database drops its cached threads (live/pg_fanout.hpp).
#include <mutex>

#include "store/moderation_store.hpp"
#include "store/pg_archive.hpp"
#include "store/pg_db.hpp"
#include "store/pg_schema.hpp"

namespace parley::server {
namespace {

const std::string kMode = "moderation_mode";
const std::string kSetMode = "moderation_set_mode";
const std::string kBanned = "moderation_banned";
const std::string kBan = "moderation_ban";
const std::string kUnban = "moderation_unban";
const std::string kBans = "moderation_bans";
const std::string kKnown = "moderation_known_author";
const std::string kPosted = "moderation_posted_recently";
const std::string kClosed = "moderation_closed";
const std::string kSetClosed = "moderation_set_closed";
const std::string kQueue = "moderation_queue";
const std::string kFind = "moderation_find";
const std::string kSetStatus = "moderation_set_status";
const std::string kEdit = "moderation_edit";
const std::string kSetPinned = "moderation_set_pinned";

// The queue's columns, in the order queue_item() reads them.
constexpr std::string_view kQueueSelect = R"sql(
    SELECT c.id, c.parent, c.depth, c.author, c.website, c.text, c.html, c.created,
           c.provider, c.provider_name, c.avatar, t.page, c.status, c.held_reason, c.email,
           CASE WHEN c.subject <> '' THEN c.provider || ':' || c.subject ELSE '' END,
           c.email_hash, c.ip_hash, t.title, c.pinned
    FROM comments c JOIN threads t ON t.id = c.thread_id )sql";

// Comments of the site only: an id from another site's queue changes nothing here.
constexpr std::string_view kOfSite =
    " WHERE id = $2::bigint AND thread_id IN (SELECT id FROM threads WHERE site = $1) "
    "RETURNING id";

std::vector<pg::PreparedSql> statements() {
  const std::string select(kQueueSelect);
  const std::string of_site(kOfSite);
  return {
      {kMode, "SELECT mode FROM site_moderation WHERE site = $1"},
      {kSetMode, R"sql(
      INSERT INTO site_moderation (site, mode) VALUES ($1, $2)
      ON CONFLICT (site) DO UPDATE SET mode = excluded.mode)sql"},
      {kBanned, R"sql(
      SELECT 1 FROM bans WHERE site = $1 AND (
        (kind = 'identity' AND $2 <> '' AND value = $2) OR
        (kind = 'email' AND $3 <> '' AND value = $3) OR
        (kind = 'ip' AND $4 <> '' AND value = $4)) LIMIT 1)sql"},
      {kBan, R"sql(
      INSERT INTO bans (site, kind, value, created) VALUES ($1, $2, $3, $4::bigint)
      ON CONFLICT (site, kind, value) DO NOTHING)sql"},
      {kUnban, "DELETE FROM bans WHERE site = $1 AND kind = $2 AND value = $3 RETURNING 1"},
      {kBans, "SELECT kind, value, created FROM bans WHERE site = $1 ORDER BY created DESC, kind"},
      // The strongest key the author has decides: a logged-in reader is known by
      // identity only, a guest by their email digest, else by their address digest.
      {kKnown, R"sql(
      SELECT 1 FROM comments c JOIN threads t ON t.id = c.thread_id
      WHERE t.site = $1 AND c.status = 'approved' AND (
        ($2 <> '' AND c.subject <> '' AND c.provider || ':' || c.subject = $2) OR
        ($2 = '' AND $3 <> '' AND c.email_hash = $3) OR
        ($2 = '' AND $3 = '' AND $4 <> '' AND c.ip_hash = $4)) LIMIT 1)sql"},
      {kPosted, R"sql(
      SELECT 1 FROM comments c JOIN threads t ON t.id = c.thread_id
      WHERE t.site = $1 AND c.created >= $6::bigint AND c.text = $2 AND c.status <> 'deleted'
        AND (($3 <> '' AND c.subject <> '' AND c.provider || ':' || c.subject = $3) OR
             ($4 <> '' AND c.email_hash = $4) OR
             ($3 = '' AND $4 = '' AND $5 <> '' AND c.ip_hash = $5)) LIMIT 1)sql"},
      {kClosed, "SELECT closed FROM threads WHERE site = $1 AND page = $2"},
      {kSetClosed,
       "UPDATE threads SET closed = $3::integer WHERE site = $1 AND page = $2 RETURNING id"},
      {kQueue, select + R"sql(
      WHERE t.site = $1 AND ($2 = '' OR c.status = $2)
        AND ($3 = '' OR strpos(lower(c.text), lower($3)) > 0)
        AND ($4 = '' OR strpos(lower(c.author), lower($4)) > 0
                     OR strpos(lower(c.email), lower($4)) > 0)
        AND ($5 = '' OR strpos(t.page, $5) > 0)
      ORDER BY c.created DESC, c.id DESC LIMIT $6::bigint)sql"},
      {kFind, select + "WHERE t.site = $1 AND c.id = $2::bigint"},
      {kSetStatus, "UPDATE comments SET status = $3" + of_site},
      {kEdit, "UPDATE comments SET text = $3, html = $4" + of_site},
      {kSetPinned, "UPDATE comments SET pinned = $3::integer" + of_site},
  };
}

struct MigratedConnection : pg::Connection {
  explicit MigratedConnection(const std::string& conninfo) : Connection(conninfo) {
    pg::migrate(*this);
  }
};

QueueItem queue_item(const pg::Result& r, int row) {
  QueueItem q;
  q.comment = pg::comment_from_row(r, row, r.text(row, 11));
  q.status = r.text(row, 12);
  q.reason = r.text(row, 13);
  q.email = r.text(row, 14);
  q.keys = {r.text(row, 15), r.text(row, 16), r.text(row, 17)};
  q.title = r.text(row, 18);
  q.comment.pinned = r.integer(row, 19) != 0;
  return q;
}

class PgModerationStore final : public ModerationStore {
 public:
  explicit PgModerationStore(const std::string& conninfo) : db_(conninfo) {
    db_.prepare(statements());
  }

  std::optional<std::string> mode(std::string_view site) override {
    const pg::Result r = run(kMode, {site});
    if (r.rows() == 0) return std::nullopt;
    return r.text(0, 0);
  }

  void set_mode(std::string_view site, std::string_view mode) override {
    run(kSetMode, {site, mode});
  }

  bool banned(std::string_view site, const AuthorKeys& a) override {
    return run(kBanned, {site, a.identity, a.email_hash, a.ip_hash}).rows() > 0;
  }

  void ban(std::string_view site, const Ban& b) override {
    run(kBan, {site, b.kind, b.value, std::to_string(b.created)});
  }

  bool unban(std::string_view site, std::string_view kind, std::string_view value) override {
    return run(kUnban, {site, kind, value}).rows() > 0;
  }

  std::vector<Ban> bans(std::string_view site) override {
    const pg::Result r = run(kBans, {site});
    std::vector<Ban> out;
    for (int row = 0; row < r.rows(); ++row) {
      out.push_back({r.text(row, 0), r.text(row, 1), r.integer(row, 2)});
    }
    return out;
  }

  bool known_author(std::string_view site, const AuthorKeys& a) override {
    return run(kKnown, {site, a.identity, a.email_hash, a.ip_hash}).rows() > 0;
  }

  bool posted_recently(std::string_view site, const AuthorKeys& a, std::string_view text,
                       std::int64_t since) override {
    return run(kPosted, {site, text, a.identity, a.email_hash, a.ip_hash, std::to_string(since)})
               .rows() > 0;
  }

  bool closed(std::string_view site, std::string_view page) override {
    const pg::Result r = run(kClosed, {site, page});
    return r.rows() > 0 && r.integer(0, 0) != 0;
  }

  bool set_closed(std::string_view site, std::string_view page, bool closed) override {
    return run(kSetClosed, {site, page, closed ? "1" : "0"}).rows() > 0;
  }

  std::vector<QueueItem> queue(const QueueQuery& q) override {
    const pg::Result r =
        run(kQueue, {q.site, q.status, q.text, q.author, q.page, std::to_string(q.limit)});
    std::vector<QueueItem> out;
    for (int row = 0; row < r.rows(); ++row) out.push_back(queue_item(r, row));
    return out;
  }

  std::optional<QueueItem> find(std::string_view site, std::int64_t id) override {
    const pg::Result r = run(kFind, {site, std::to_string(id)});
    if (r.rows() == 0) return std::nullopt;
    return queue_item(r, 0);
  }

  bool set_status(std::string_view site, std::int64_t id, std::string_view status) override {
    return run(kSetStatus, {site, std::to_string(id), status}).rows() > 0;
  }

  bool edit(std::string_view site, std::int64_t id, std::string_view text,
            std::string_view html) override {
    return run(kEdit, {site, std::to_string(id), text, html}).rows() > 0;
  }

  bool set_pinned(std::string_view site, std::int64_t id, bool pinned) override {
    return run(kSetPinned, {site, std::to_string(id), pinned ? "1" : "0"}).rows() > 0;
  }

 private:
  pg::Result run(const std::string& name, std::initializer_list<std::string_view> params) {
    const std::lock_guard lock(mutex_);
    return db_.run(name, params);
  }

  std::mutex mutex_;
  MigratedConnection db_;
};

}  // namespace

std::unique_ptr<ModerationStore> open_pg_moderation_store(const std::string& conninfo) {
  return std::make_unique<PgModerationStore>(conninfo);
}

}  // namespace parley::server
