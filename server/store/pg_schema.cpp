#include "store/pg_schema.hpp"

#include <array>
#include <string>

namespace parley::server::pg {
namespace {

// Append only: a released migration is never edited, because databases in the field
// have already run it. Each mirrors the SQLite migration of the same number.
constexpr std::array kMigrations = {
    // 1: threads (one per site and page) and their comments. `email` is stored for the
    // site owner and never selected by the read paths. Ids come from sequences, so
    // writers in several parleyd processes never collide.
    R"sql(
    CREATE TABLE threads (
      id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      site  TEXT NOT NULL,
      page  TEXT NOT NULL,
      title TEXT NOT NULL DEFAULT '',
      UNIQUE (site, page)
    );
    CREATE TABLE comments (
      id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      thread_id BIGINT NOT NULL REFERENCES threads (id),
      parent    BIGINT NOT NULL DEFAULT 0,
      depth     INTEGER NOT NULL DEFAULT 0,
      author    TEXT NOT NULL,
      email     TEXT NOT NULL DEFAULT '',
      website   TEXT NOT NULL DEFAULT '',
      text      TEXT NOT NULL,
      html      TEXT NOT NULL,
      created   BIGINT NOT NULL
    );
    CREATE INDEX comments_by_thread ON comments (thread_id, created, id);
    )sql",
    // 2: likes of pages (comment 0) and comments. `liker` is a digest of the reader's
    // browser token, `ip_hash` a salted digest of the IP that rotates daily; neither
    // can be turned back into the token or the address.
    R"sql(
    CREATE TABLE likes (
      id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      site    TEXT NOT NULL,
      page    TEXT NOT NULL,
      comment BIGINT NOT NULL DEFAULT 0,
      liker   TEXT NOT NULL,
      ip_hash TEXT NOT NULL,
      avatar  TEXT NOT NULL,
      created BIGINT NOT NULL,
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
      created       BIGINT NOT NULL,
      PRIMARY KEY (instance, redirect_uri)
    );
    )sql",
    // 4: live updates shared by every parleyd on the database (live/pg_fanout.hpp).
    // Each event is a row, announced with NOTIFY parley_events '<id>' (the payload
    // stays far under NOTIFY's 8000 bytes whatever the comment); its id is the SSE
    // event id, so Last-Event-ID means the same on every instance. Any change of
    // threads or comments, by parleyd or by anything else (an import, psql), is
    // announced on parley_changed, so every instance drops its cached threads.
    R"sql(
    CREATE TABLE live_events (
      id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      site    TEXT NOT NULL,
      page    TEXT NOT NULL,
      data    TEXT NOT NULL,
      created TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE INDEX live_events_by_page ON live_events (site, page, id);
    CREATE INDEX live_events_by_age ON live_events (created);
    CREATE FUNCTION parley_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('parley_events', NEW.id::text);
      RETURN NULL;
    END $$;
    CREATE TRIGGER live_events_notify AFTER INSERT ON live_events
      FOR EACH ROW EXECUTE FUNCTION parley_event_notify();
    CREATE FUNCTION parley_change_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('parley_changed', '');
      RETURN NULL;
    END $$;
    CREATE TRIGGER comments_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON comments
      FOR EACH STATEMENT EXECUTE FUNCTION parley_change_notify();
    CREATE TRIGGER threads_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON threads
      FOR EACH STATEMENT EXECUTE FUNCTION parley_change_notify();
    )sql",
    // 5: owner-side share counts: clicks on the site's own share buttons, one row per
    // page and target (no reader, no address: a click is counted, not who made it).
    R"sql(
    CREATE TABLE share_clicks (
      site   TEXT NOT NULL,
      page   TEXT NOT NULL,
      target TEXT NOT NULL,
      clicks BIGINT NOT NULL DEFAULT 0,
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
      id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email         TEXT NOT NULL UNIQUE,
      password_hash TEXT NOT NULL,
      role          TEXT NOT NULL,
      created       BIGINT NOT NULL
    );
    CREATE TABLE admin_user_sites (
      user_id BIGINT NOT NULL REFERENCES admin_users (id),
      site    TEXT NOT NULL,
      PRIMARY KEY (user_id, site)
    );
    CREATE TABLE admin_sessions (
      id      TEXT PRIMARY KEY,
      user_id BIGINT NOT NULL REFERENCES admin_users (id),
      csrf    TEXT NOT NULL,
      created BIGINT NOT NULL,
      expires BIGINT NOT NULL
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
      comment_id BIGINT NOT NULL REFERENCES comments (id),
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
      created BIGINT NOT NULL,
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
      id           BIGSERIAL PRIMARY KEY,
      kind         TEXT NOT NULL,
      target       TEXT NOT NULL,
      body         TEXT NOT NULL,
      state        TEXT NOT NULL DEFAULT 'pending',
      attempts     INTEGER NOT NULL DEFAULT 0,
      next_attempt BIGINT NOT NULL,
      created      BIGINT NOT NULL,
      last_error   TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX outbox_due ON outbox (state, next_attempt);
    CREATE TABLE reply_subscriptions (
      id        BIGSERIAL PRIMARY KEY,
      site      TEXT NOT NULL,
      page      TEXT NOT NULL,
      comment   BIGINT NOT NULL,
      email     TEXT NOT NULL,
      token     TEXT NOT NULL UNIQUE,
      confirmed INTEGER NOT NULL DEFAULT 0,
      created   BIGINT NOT NULL
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
      created BIGINT NOT NULL,
      PRIMARY KEY (site, page)
    );
    )sql",
};

// pg_advisory_xact_lock key: any constant unlikely to be used by another application
// on the same database ("PARL" in ASCII).
constexpr const char* kMigrationLockKey = "1346458188";

}  // namespace

int schema_version() {
  return static_cast<int>(kMigrations.size());
}

int current_version(Connection& db) {
  Result r = db.query("SELECT to_regclass('parley_schema') IS NOT NULL");
  if (r.text(0, 0) != "t") return 0;
  return static_cast<int>(db.query("SELECT version FROM parley_schema").integer(0, 0));
}

void migrate(Connection& db) {
  Transaction tx(db);
  // Held until COMMIT: a second parleyd starting now waits here, then sees our version.
  db.query("SELECT pg_advisory_xact_lock($1::bigint)", {kMigrationLockKey});
  db.exec(
      "CREATE TABLE IF NOT EXISTS parley_schema (version INTEGER NOT NULL);"
      "INSERT INTO parley_schema (version) SELECT 0 WHERE NOT EXISTS (SELECT FROM parley_schema)");
  const int current = current_version(db);
  if (current > schema_version()) {
    throw Error("postgres: database schema version " + std::to_string(current) +
                " is newer than this parleyd (" + std::to_string(schema_version()) + ")");
  }
  // One transaction for all pending steps: PostgreSQL's DDL is transactional, so a
  // failure leaves the database at the version it had.
  for (int v = current; v < schema_version(); ++v) {
    db.exec(kMigrations[static_cast<std::size_t>(v)]);
  }
  db.query("UPDATE parley_schema SET version = $1::integer", {std::to_string(schema_version())});
  tx.commit();
}

}  // namespace parley::server::pg
