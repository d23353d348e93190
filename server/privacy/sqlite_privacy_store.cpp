// PrivacyStore on SQLite: its own connection to parleyd's database file.
#include <mutex>

#include "privacy/privacy_store.hpp"
#include "store/sqlite_db.hpp"
#include "store/sqlite_schema.hpp"

namespace parley::server::privacy {
namespace {

struct MigratedDatabase : sqlite::Database {
  explicit MigratedDatabase(const std::string& path) : Database(path) { sqlite::migrate(*this); }
};

// Whose comments, for ?1 site, ?2 provider, ?3 subject, ?4 email: a login by its
// account, a guest by the address.
const std::string kOwnerMatch =
    "((?3 <> '' AND c.provider = ?2 AND c.subject = ?3) OR "
    "(?3 = '' AND ?4 <> '' AND lower(c.email) = lower(?4))) "
    "AND c.status <> 'deleted' AND c.thread_id IN (SELECT id FROM threads WHERE site = ?1)";

class SqlitePrivacyStore final : public PrivacyStore {
 public:
  explicit SqlitePrivacyStore(const std::string& path) : db_(path) {}

  std::size_t blank_ip_hashes(std::int64_t before, std::size_t limit) override {
    const std::lock_guard lock(mutex_);
    const std::int64_t changes = db_.total_changes();
    const auto n = static_cast<std::int64_t>(limit);
    blank_comments_.reset().bind(1, before).bind(2, n).run();
    blank_likes_.reset().bind(1, before).bind(2, n).run();
    return static_cast<std::size_t>(db_.total_changes() - changes);
  }

  std::vector<OwnComment> comments_of(std::string_view site, const DataOwner& who) override {
    const std::lock_guard lock(mutex_);
    auto& st = bind_owner(comments_, site, who);
    st.bind(5, static_cast<std::int64_t>(kMaxExportComments));
    std::vector<OwnComment> out;
    while (st.step()) {
      out.push_back({st.column_int(0), st.column_int(1), static_cast<int>(st.column_int(2)),
                     st.column_text(3), st.column_text(4), st.column_text(5), st.column_text(6),
                     st.column_text(7), st.column_text(8), st.column_int(9)});
    }
    st.reset();
    return out;
  }

  std::vector<OwnLike> likes_of(std::string_view site, std::string_view liker) override {
    const std::lock_guard lock(mutex_);
    auto& st = likes_.reset().bind(1, site).bind(2, liker);
    st.bind(3, static_cast<std::int64_t>(kMaxExportLikes));
    std::vector<OwnLike> out;
    while (st.step()) out.push_back({st.column_text(0), st.column_int(1), st.column_int(2)});
    st.reset();
    return out;
  }

  std::size_t erase_comments_of(std::string_view site, const DataOwner& who) override {
    const std::lock_guard lock(mutex_);
    const std::int64_t changes = db_.total_changes();
    bind_owner(erase_comments_, site, who).run();
    return static_cast<std::size_t>(db_.total_changes() - changes);
  }

  std::vector<OwnSubscription> subscriptions_of(std::string_view site,
                                                std::string_view email) override {
    const std::lock_guard lock(mutex_);
    auto& st = subscriptions_.reset().bind(1, site).bind(2, email);
    st.bind(3, static_cast<std::int64_t>(kMaxExportSubscriptions));
    std::vector<OwnSubscription> out;
    while (st.step()) {
      out.push_back({st.column_text(0), st.column_int(1), st.column_int(2) != 0, st.column_int(3)});
    }
    st.reset();
    return out;
  }

  std::size_t erase_subscriptions_of(std::string_view site, std::string_view email) override {
    const std::lock_guard lock(mutex_);
    const std::int64_t changes = db_.total_changes();
    erase_subscriptions_.reset().bind(1, site).bind(2, email).run();
    return static_cast<std::size_t>(db_.total_changes() - changes);
  }

  std::size_t erase_likes_of(std::string_view site, std::string_view liker) override {
    const std::lock_guard lock(mutex_);
    const std::int64_t changes = db_.total_changes();
    erase_likes_.reset().bind(1, site).bind(2, liker).run();
    return static_cast<std::size_t>(db_.total_changes() - changes);
  }

 private:
  static sqlite::Statement& bind_owner(sqlite::Statement& st, std::string_view site,
                                       const DataOwner& who) {
    return st.reset().bind(1, site).bind(2, who.provider).bind(3, who.subject).bind(4, who.email);
  }

  std::mutex mutex_;
  MigratedDatabase db_;
  // The inner SELECT walks the partial index of rows that still have a digest
  // (migration 12), so a run over a table already purged reads nothing.
  sqlite::Statement blank_comments_{db_, R"sql(
      UPDATE comments SET ip_hash = '' WHERE id IN (
        SELECT id FROM comments WHERE ip_hash <> '' AND created <= ?1 LIMIT ?2))sql"};
  sqlite::Statement blank_likes_{db_, R"sql(
      UPDATE likes SET ip_hash = '' WHERE id IN (
        SELECT id FROM likes WHERE ip_hash <> '' AND created <= ?1 LIMIT ?2))sql"};
  // The newest kMaxExportComments, listed oldest first.
  sqlite::Statement comments_{
      db_,
      "SELECT * FROM (SELECT c.id, c.parent, c.depth, t.page, t.title, c.author, c.website, "
      "c.text, "
      "c.status, c.created FROM comments c JOIN threads t ON t.id = c.thread_id WHERE " +
          kOwnerMatch + " ORDER BY c.created DESC, c.id DESC LIMIT ?5) ORDER BY created, id"};
  sqlite::Statement likes_{db_, R"sql(
      SELECT * FROM (SELECT page, comment, created, id FROM likes
        WHERE site = ?1 AND liker = ?2 ORDER BY created DESC, id DESC LIMIT ?3)
      ORDER BY created, id)sql"};
  // As a reader's own delete (sqlite_own_comments.cpp), and the digests too.
  sqlite::Statement erase_comments_{
      db_,
      "UPDATE comments SET status = 'deleted', author = '', email = '', website = '', "
      "text = '', html = '', provider = '', provider_name = '', subject = '', avatar = '', "
      "email_hash = '', ip_hash = '' WHERE id IN (SELECT c.id FROM comments c WHERE " +
          kOwnerMatch + ")"};
  sqlite::Statement erase_likes_{db_, "DELETE FROM likes WHERE site = ?1 AND liker = ?2"};
  sqlite::Statement subscriptions_{db_, R"sql(
      SELECT page, comment, confirmed, created FROM reply_subscriptions
      WHERE site = ?1 AND ?2 <> '' AND lower(email) = lower(?2) ORDER BY created, id LIMIT ?3)sql"};
  sqlite::Statement erase_subscriptions_{db_, R"sql(
      DELETE FROM reply_subscriptions WHERE site = ?1 AND ?2 <> '' AND lower(email) = lower(?2))sql"};
};

}  // namespace

std::unique_ptr<PrivacyStore> open_sqlite_privacy_store(const std::string& path) {
  return std::make_unique<SqlitePrivacyStore>(path);
}

}  // namespace parley::server::privacy
