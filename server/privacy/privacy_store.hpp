// What the privacy features (docs/privacy.md) read and change, on their own connection
// in both store engines, serialised by a mutex (the purge thread, the request thread
// and, for the CLI, the main thread use it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parley::server::privacy {

// Whose data: a signed-in reader by their provider account, else a guest by the email
// they typed (matched without regard to case).
struct DataOwner {
  std::string provider;
  std::string subject;
  std::string email;

  bool signed_in() const { return !subject.empty(); }
};

// One of their comments, any status but deleted.
struct OwnComment {
  std::int64_t id = 0;
  std::int64_t parent = 0;  // 0: not a reply
  int depth = 0;
  std::string page;
  std::string title;  // the page's title as the widget sent it
  std::string author;
  std::string website;
  std::string text;
  std::string status;  // "approved", "pending" or "spam"
  std::int64_t created = 0;
};

// One of their likes: a page (comment 0) or a comment on it.
struct OwnLike {
  std::string page;
  std::int64_t comment = 0;
  std::int64_t created = 0;
};

// One of their subscriptions to replies (docs/notifications.md), by the email it mails.
struct OwnSubscription {
  std::string page;
  std::int64_t comment = 0;  // replies to this comment are mailed
  bool confirmed = false;
  std::int64_t created = 0;
};

// The most comments one export lists: a reader with more gets the newest this many
// (the owner's full export, `parleyd export`, has no such bound).
inline constexpr std::size_t kMaxExportComments = 10000;
inline constexpr std::size_t kMaxExportLikes = 10000;
inline constexpr std::size_t kMaxExportSubscriptions = 10000;

class PrivacyStore {
 public:
  virtual ~PrivacyStore() = default;

  // Blanks the IP digests of at most `limit` comments and at most `limit` likes made
  // at or before `before` (unix seconds); returns how many rows it blanked. Bounded so
  // one call never holds the write lock long: callers repeat until it returns 0.
  virtual std::size_t blank_ip_hashes(std::int64_t before, std::size_t limit) = 0;

  // The owner's comments on the site, oldest first.
  virtual std::vector<OwnComment> comments_of(std::string_view site, const DataOwner& who) = 0;
  // The likes of a liker digest (LikeDigest::member) on the site, oldest first.
  virtual std::vector<OwnLike> likes_of(std::string_view site, std::string_view liker) = 0;
  // Erases what the owner wrote and who they are from each of their comments, as a
  // reader's own delete does (the row stays, status "deleted", as its replies'
  // placeholder), digests included; returns how many.
  virtual std::size_t erase_comments_of(std::string_view site, const DataOwner& who) = 0;
  // Removes the liker's likes on the site; returns how many.
  virtual std::size_t erase_likes_of(std::string_view site, std::string_view liker) = 0;
  // The reply subscriptions of an email address on the site, oldest first.
  virtual std::vector<OwnSubscription> subscriptions_of(std::string_view site,
                                                        std::string_view email) = 0;
  // Ends them; returns how many.
  virtual std::size_t erase_subscriptions_of(std::string_view site, std::string_view email) = 0;
};

std::unique_ptr<PrivacyStore> open_sqlite_privacy_store(const std::string& path);
std::unique_ptr<PrivacyStore> open_pg_privacy_store(const std::string& conninfo);

}  // namespace parley::server::privacy
