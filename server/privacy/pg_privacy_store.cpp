// PrivacyStore on PostgreSQL: its own connection. Several parleyd on one database may
// purge at once; the UPDATEs only ever blank, so overlapping runs agree.
#include <mutex>

#include "privacy/privacy_store.hpp"
#include "store/pg_db.hpp"
#include "store/pg_schema.hpp"

namespace parley::server::privacy {
namespace {

const std::string kBlankComments = "privacy_blank_comment_ips";
const std::string kBlankLikes = "privacy_blank_like_ips";
const std::string kComments = "privacy_comments_of";
const std::string kLikes = "privacy_likes_of";
const std::string kEraseComments = "privacy_erase_comments_of";
const std::string kEraseLikes = "privacy_erase_likes_of";
const std::string kSubscriptions = "privacy_subscriptions_of";
const std::string kEraseSubscriptions = "privacy_erase_subscriptions_of";

// Whose comments, for $1 site, $2 provider, $3 subject, $4 email: a login by its
// account, a guest by the address.
const std::string kOwnerMatch =
    "(($3 <> '' AND c.provider = $2 AND c.subject = $3) OR "
    "($3 = '' AND $4 <> '' AND lower(c.email) = lower($4))) "
    "AND c.status <> 'deleted' AND c.thread_id IN (SELECT id FROM threads WHERE site = $1)";

std::vector<pg::PreparedSql> statements() {
  return {
      // The inner SELECT walks the partial index of rows that still have a digest
      // (migration 12); SKIP LOCKED leaves rows a writer holds to the next run.
      {kBlankComments, R"sql(
      WITH blanked AS (UPDATE comments SET ip_hash = '' WHERE id IN (
        SELECT id FROM comments WHERE ip_hash <> '' AND created <= $1::bigint
        LIMIT $2::bigint FOR UPDATE SKIP LOCKED) RETURNING 1)
      SELECT count(*) FROM blanked)sql"},
      {kBlankLikes, R"sql(
      WITH blanked AS (UPDATE likes SET ip_hash = '' WHERE id IN (
        SELECT id FROM likes WHERE ip_hash <> '' AND created <= $1::bigint
        LIMIT $2::bigint FOR UPDATE SKIP LOCKED) RETURNING 1)
      SELECT count(*) FROM blanked)sql"},
      // The newest kMaxExportComments, listed oldest first.
      {kComments,
       "SELECT * FROM (SELECT c.id, c.parent, c.depth, t.page, t.title, c.author, c.website, "
       "c.text, "
       "c.status, c.created FROM comments c JOIN threads t ON t.id = c.thread_id WHERE " +
           kOwnerMatch +
           " ORDER BY c.created DESC, c.id DESC LIMIT $5::bigint) AS newest "
           "ORDER BY created, id"},
      {kLikes, R"sql(
      SELECT * FROM (SELECT page, comment, created, id FROM likes
        WHERE site = $1 AND liker = $2 ORDER BY created DESC, id DESC LIMIT $3::bigint)
        AS newest ORDER BY created, id)sql"},
      // As a reader's own delete (pg_own_comments.cpp), and the digests too.
      {kEraseComments,
       "WITH erased AS (UPDATE comments SET status = 'deleted', author = '', email = '', "
       "website = '', text = '', html = '', provider = '', provider_name = '', subject = '', "
       "avatar = '', email_hash = '', ip_hash = '' WHERE id IN (SELECT c.id FROM comments c "
       "WHERE " +
           kOwnerMatch + ") RETURNING 1) SELECT count(*) FROM erased"},
      {kEraseLikes, R"sql(
      WITH erased AS (DELETE FROM likes WHERE site = $1 AND liker = $2 RETURNING 1)
      SELECT count(*) FROM erased)sql"},
      {kSubscriptions, R"sql(
      SELECT page, comment, confirmed, created FROM reply_subscriptions
      WHERE site = $1 AND $2 <> '' AND lower(email) = lower($2) ORDER BY created, id
      LIMIT $3::bigint)sql"},
      {kEraseSubscriptions, R"sql(
      WITH erased AS (DELETE FROM reply_subscriptions
        WHERE site = $1 AND $2 <> '' AND lower(email) = lower($2) RETURNING 1)
      SELECT count(*) FROM erased)sql"},
  };
}

struct MigratedConnection : pg::Connection {
  explicit MigratedConnection(const std::string& conninfo) : Connection(conninfo) {
    pg::migrate(*this);
  }
};

class PgPrivacyStore final : public PrivacyStore {
 public:
  explicit PgPrivacyStore(const std::string& conninfo) : db_(conninfo) {
    db_.prepare(statements());
  }

  std::size_t blank_ip_hashes(std::int64_t before, std::size_t limit) override {
    const std::lock_guard lock(mutex_);
    const std::string b = std::to_string(before);
    const std::string n = std::to_string(limit);
    return static_cast<std::size_t>(db_.run(kBlankComments, {b, n}).integer(0, 0) +
                                    db_.run(kBlankLikes, {b, n}).integer(0, 0));
  }

  std::vector<OwnComment> comments_of(std::string_view site, const DataOwner& who) override {
    const std::lock_guard lock(mutex_);
    const pg::Result r = db_.run(kComments, {site, who.provider, who.subject, who.email,
                                             std::to_string(kMaxExportComments)});
    std::vector<OwnComment> out;
    for (int row = 0; row < r.rows(); ++row) {
      out.push_back({r.integer(row, 0), r.integer(row, 1), static_cast<int>(r.integer(row, 2)),
                     r.text(row, 3), r.text(row, 4), r.text(row, 5), r.text(row, 6), r.text(row, 7),
                     r.text(row, 8), r.integer(row, 9)});
    }
    return out;
  }

  std::vector<OwnLike> likes_of(std::string_view site, std::string_view liker) override {
    const std::lock_guard lock(mutex_);
    const pg::Result r = db_.run(kLikes, {site, liker, std::to_string(kMaxExportLikes)});
    std::vector<OwnLike> out;
    for (int row = 0; row < r.rows(); ++row) {
      out.push_back({r.text(row, 0), r.integer(row, 1), r.integer(row, 2)});
    }
    return out;
  }

  std::size_t erase_comments_of(std::string_view site, const DataOwner& who) override {
    const std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(
        db_.run(kEraseComments, {site, who.provider, who.subject, who.email}).integer(0, 0));
  }

  std::vector<OwnSubscription> subscriptions_of(std::string_view site,
                                                std::string_view email) override {
    const std::lock_guard lock(mutex_);
    const pg::Result r =
        db_.run(kSubscriptions, {site, email, std::to_string(kMaxExportSubscriptions)});
    std::vector<OwnSubscription> out;
    for (int row = 0; row < r.rows(); ++row) {
      out.push_back({r.text(row, 0), r.integer(row, 1), r.integer(row, 2) != 0, r.integer(row, 3)});
    }
    return out;
  }

  std::size_t erase_subscriptions_of(std::string_view site, std::string_view email) override {
    const std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(db_.run(kEraseSubscriptions, {site, email}).integer(0, 0));
  }

  std::size_t erase_likes_of(std::string_view site, std::string_view liker) override {
    const std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(db_.run(kEraseLikes, {site, liker}).integer(0, 0));
  }

 private:
  std::mutex mutex_;
  MigratedConnection db_;
};

}  // namespace

std::unique_ptr<PrivacyStore> open_pg_privacy_store(const std::string& conninfo) {
  return std::make_unique<PgPrivacyStore>(conninfo);
}

}  // namespace parley::server::privacy
