#include "store/sqlite_schema.hpp"

#include <array>
#include <string>

namespace parley::server::sqlite {
namespace {

// Append only: a released migration is never edited, because databases in the field
// have already run it.
constexpr std::array kMigrations = {
    // 1: threads (one per site and page) and their comments. `email` is stored for the
    // site owner and never selected by the read paths.
    R"sql(
    CREATE TABLE threads (
      id    INTEGER PRIMARY KEY,
      site  TEXT NOT NULL,
      page  TEXT NOT NULL,
      title TEXT NOT NULL DEFAULT '',
      UNIQUE (site, page)
    );
    CREATE TABLE comments (
      id        INTEGER PRIMARY KEY,
      thread_id INTEGER NOT NULL REFERENCES threads (id),
      parent    INTEGER NOT NULL DEFAULT 0,
      depth     INTEGER NOT NULL DEFAULT 0,
      author    TEXT NOT NULL,
      email     TEXT NOT NULL DEFAULT '',
      website   TEXT NOT NULL DEFAULT '',
      text      TEXT NOT NULL,
      html      TEXT NOT NULL,
      created   INTEGER NOT NULL
    );
    CREATE INDEX comments_by_thread ON comments (thread_id, created, id);
    )sql",
    // 2: likes of pages (comment 0) and comments. `liker` is a digest of the reader's
    // browser token, `ip_hash` a salted digest of the IP that rotates daily; neither
    // can be turned back into the token or the address.
    R"sql(
    CREATE TABLE likes (
      id      INTEGER PRIMARY KEY,
      site    TEXT NOT NULL,
      page    TEXT NOT NULL,
      comment INTEGER NOT NULL DEFAULT 0,
      liker   TEXT NOT NULL,
      ip_hash TEXT NOT NULL,
      avatar  TEXT NOT NULL,
      created INTEGER NOT NULL,
      UNIQUE (site, page, comment, liker)
    );
    CREATE INDEX likes_by_ip ON likes (site, page, comment, ip_hash);
    CREATE INDEX likes_recent ON likes (site, page, comment, created, id);
    )sql",
    // 3: the client id and secret parleyd registered on each Mastodon instance readers
    // logged in from (POST /api/v1/apps), so the next login there reuses them. Keyed by
    // the redirect URI too: a new public_url needs a new registration.
    R"sql(
    CREATE TABLE mastodon_apps (
      instance      TEXT NOT NULL,
      redirect_uri  TEXT NOT NULL,
      client_id     TEXT NOT NULL,
      client_secret TEXT NOT NULL,
      created       INTEGER NOT NULL,
      PRIMARY KEY (instance, redirect_uri)
    );
    )sql",
    // 4: nothing. PostgreSQL's migration 4 shares live updates between parleyd
    // processes; one parleyd on SQLite keeps them in memory. Kept so the numbers of
    // both engines stay in step.
    "",
    // 5: owner-side share counts: clicks on the site's own share buttons, one row per
    // page and target (no reader, no address: a click is counted, not who made it).
    R"sql(
    CREATE TABLE share_clicks (
      site   TEXT NOT NULL,
      page   TEXT NOT NULL,
      target TEXT NOT NULL,
      clicks INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (site, page, target)
    );
    )sql",
    // 6: comments by logged-in readers (docs/login.md): the provider that verified the
    // author, its display name, the author's user id there (never published) and avatar.
    // Empty for guests.
    R"sql(
    ALTER TABLE comments ADD COLUMN provider      TEXT NOT NULL DEFAULT '';
    ALTER TABLE comments ADD COLUMN provider_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE comments ADD COLUMN subject       TEXT NOT NULL DEFAULT '';
    ALTER TABLE comments ADD COLUMN avatar        TEXT NOT NULL DEFAULT '';
    )sql",
    // 7: accounts of the admin UI (docs/admin.md): owners and moderators, the sites each
    // may see ('*': every site the server serves), and their login sessions. A session
    // row is keyed by the SHA-256 of the cookie's token, so the table alone cannot be
    // replayed; `csrf` is the per-session token every form must send back.
    R"sql(
    CREATE TABLE admin_users (
      id            INTEGER PRIMARY KEY,
      email         TEXT NOT NULL UNIQUE,
      password_hash TEXT NOT NULL,
      role          TEXT NOT NULL,
      created       INTEGER NOT NULL
    );
    CREATE TABLE admin_user_sites (
      user_id INTEGER NOT NULL REFERENCES admin_users (id),
      site    TEXT NOT NULL,
      PRIMARY KEY (user_id, site)
    );
    CREATE TABLE admin_sessions (
      id      TEXT PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES admin_users (id),
      csrf    TEXT NOT NULL,
      created INTEGER NOT NULL,
      expires INTEGER NOT NULL
    );
    CREATE INDEX admin_sessions_by_expiry ON admin_sessions (expires);
    )sql",
    // 8: comment status (only "approved" is read by readers; "deleted" with replies is
    // a placeholder) and the source keys of imported comments, unique per site, which
    // make imports idempotent (docs/import-export.md).
    R"sql(
    ALTER TABLE comments ADD COLUMN status TEXT NOT NULL DEFAULT 'approved';
    CREATE TABLE comment_sources (
      site       TEXT NOT NULL,
      source     TEXT NOT NULL,
      comment_id INTEGER NOT NULL REFERENCES comments (id),
      PRIMARY KEY (site, source)
    );
    CREATE INDEX comment_sources_by_comment ON comment_sources (comment_id);
    CREATE INDEX comments_recent ON comments (created);
    )sql",
    // 9: moderation (docs/admin.md): why a comment was held, salted digests of its
    // author's email and IP (bans, "first comment of a new author"), pins, closed
    // threads, each site's mode as its owner set it, and bans per site.
    R"sql(
    ALTER TABLE comments ADD COLUMN held_reason TEXT NOT NULL DEFAULT '';
    ALTER TABLE comments ADD COLUMN email_hash  TEXT NOT NULL DEFAULT '';
    ALTER TABLE comments ADD COLUMN ip_hash     TEXT NOT NULL DEFAULT '';
    ALTER TABLE comments ADD COLUMN pinned      INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE threads ADD COLUMN closed INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX comments_by_email_hash ON comments (email_hash);
    CREATE INDEX comments_by_ip_hash ON comments (ip_hash);
    CREATE TABLE site_moderation (
      site TEXT PRIMARY KEY,
      mode TEXT NOT NULL
    );
    CREATE TABLE bans (
      site    TEXT NOT NULL,
      kind    TEXT NOT NULL,
      value   TEXT NOT NULL,
      created INTEGER NOT NULL,
      PRIMARY KEY (site, kind, value)
    );
    )sql",
    // 10: notifications (server/notify/, docs/notifications.md). The outbox holds every
    // mail and webhook call until it is delivered or given up on, so posting never waits
    // for a mail server and a restart loses nothing. Reply subscriptions are per comment,
    // confirmed by mail (double opt-in); `token` is random and names the subscription
    // in its confirm and unsubscribe links.
    R"sql(
    CREATE TABLE outbox (
      id           INTEGER PRIMARY KEY,
      kind         TEXT NOT NULL,
      target       TEXT NOT NULL,
      body         TEXT NOT NULL,
      state        TEXT NOT NULL DEFAULT 'pending',
      attempts     INTEGER NOT NULL DEFAULT 0,
      next_attempt INTEGER NOT NULL,
      created      INTEGER NOT NULL,
      last_error   TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX outbox_due ON outbox (state, next_attempt);
    CREATE TABLE reply_subscriptions (
      id        INTEGER PRIMARY KEY,
      site      TEXT NOT NULL,
      page      TEXT NOT NULL,
      comment   INTEGER NOT NULL,
      email     TEXT NOT NULL,
      token     TEXT NOT NULL UNIQUE,
      confirmed INTEGER NOT NULL DEFAULT 0,
      created   INTEGER NOT NULL
    );
    CREATE INDEX reply_subscriptions_by_comment ON reply_subscriptions (site, comment);
    CREATE INDEX reply_subscriptions_by_email ON reply_subscriptions (site, email);
    )sql",
    // 11: likes by logged-in readers (docs/share-and-likes.md): their display name beside
    // the provider avatar URL kept in `avatar`. Empty for guests.
    R"sql(
    ALTER TABLE likes ADD COLUMN name TEXT NOT NULL DEFAULT '';
    )sql",
    // 12: the IP digest purge (server/privacy/, docs/privacy.md) finds the rows that
    // still have a digest by age without reading the purged ones.
    R"sql(
    CREATE INDEX comments_ip_hash_age ON comments (created) WHERE ip_hash <> '';
    CREATE INDEX likes_ip_hash_age ON likes (created) WHERE ip_hash <> '';
    )sql",  // 13: posts announced to the site's subscribers (docs/notifications.md): one row per
    // page, so a page is announced once.
    R"sql(
    CREATE TABLE announcements (
      site    TEXT NOT NULL,
      page    TEXT NOT NULL,
      created INTEGER NOT NULL,
      PRIMARY KEY (site, page)
    );
    )sql",
};

}  // namespace

int schema_version() {
  return static_cast<int>(kMigrations.size());
}

void migrate(Database& db) {
  // WAL lets readers proceed during a write and survives crashes; NORMAL sync is
  // durable across process crashes and only risks the last commits on power loss.
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
  const std::int64_t current = db.user_version();
  if (current > schema_version()) {
    throw Error("sqlite: database schema version " + std::to_string(current) +
                " is newer than this parleyd (" + std::to_string(schema_version()) + ")");
  }
  for (std::int64_t v = current; v < schema_version(); ++v) {
    Transaction tx(db);
    db.exec(kMigrations[static_cast<std::size_t>(v)]);
    // PRAGMA takes no bound parameters; the value is our own integer.
    db.exec(("PRAGMA user_version = " + std::to_string(v + 1)).c_str());
    tx.commit();
  }
}

}  // namespace parley::server::sqlite
