// The storage interface. Services talk to this only; SqliteStore is the first engine,
// and a PostgreSQL engine can follow without touching the layers above.
//
// Sites and pages are opaque keys here: the service validated them already.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/comment.hpp"

namespace parley::server {

// What the service asks the store to keep: the public comment plus what never leaves
// the server (the email) and the thread's title.
struct NewComment {
  std::string site;
  std::string title;
  std::string email;
  Comment comment;      // id is ignored; the store assigns it
  std::string subject;  // a verified author's user id at their provider; "" for guests
  // Moderation (docs/admin.md): "approved", or "pending" with the reason it is held;
  // salted digests of the author's email and IP, for bans and for knowing an author.
  std::string status = "approved";
  std::string held_reason = {};
  std::string email_hash = {};
  std::string ip_hash = {};
};

// What a like is about: a page (comment 0) or one comment on it.
struct LikeTarget {
  std::string site;
  std::string page;
  std::int64_t comment = 0;
};

// One like as the service records it. `liker` is a digest of the browser token (a
// guest) or of the provider account (a signed-in reader), never the token or the
// account; `ip_hash` a salted digest of the IP that rotates daily; `avatar` the seed of
// a guest's generated avatar, or a signed-in liker's provider avatar URL; `name` the
// signed-in liker's display name ("" for guests).
struct NewLike {
  LikeTarget target;
  std::string liker;
  std::string ip_hash;
  std::string avatar;
  std::string name;
  std::int64_t created = 0;
};

// One of a target's most recent likers as every reader sees them: `avatar` as in
// NewLike, `name` "" for a guest.
struct RecentLiker {
  std::string avatar;
  std::string name;
};

// Share clicks on one page, per share target id ("x", "copy", …).
struct ShareClicks {
  std::string target;
  std::int64_t clicks = 0;
};

// A like target as a reader sees it: how many, whether this liker is among them, and
// the most recent likers, newest first.
struct LikeSummary {
  std::size_t count = 0;
  bool liked = false;
  std::vector<RecentLiker> recent;
};

// Import, export, feeds and thread moves (server/archive, docs/import-export.md).
// A comment's status: only "approved" comments are read by readers; a "deleted" one
// with replies is shown as a placeholder; "pending" and "spam" wait for moderation.
inline constexpr std::string_view kStatuses[] = {"approved", "pending", "spam", "deleted"};

// A comment brought in by an importer. `source` is its key in the source system
// ("wxr:<post>:<comment_ID>"), unique per site: importing it again adds nothing.
// comment.parent and comment.depth are already Parley's.
struct ImportedComment {
  std::string site;
  std::string title;
  std::string email;
  std::string status;
  std::string source;
  Comment comment;           // with a logged-in author's provider, provider name and avatar
  std::string subject = {};  // their user id at the provider; "" for guests
};

// The row an import stores: what a post stores, without moderation's digests.
inline NewComment as_new_comment(const ImportedComment& c) {
  return {c.site, c.title, c.email, c.comment, c.subject, c.status};
}

// Where an already imported (or natively posted, source
// "parley:<site>:<id>@<created>") comment is.
struct ImportedRef {
  std::int64_t id = 0;
  std::int64_t parent = 0;
  int depth = 0;
  std::string page;
};

// A comment posted through the API, as a JSON export names it:
// "parley:<site>:<id>@<created>". The date makes the key name that comment only, not
// one that has the same id in another installation.
struct PostedKey {
  std::int64_t id = 0;
  std::int64_t created = 0;
};
std::string posted_key(std::string_view site, std::int64_t id, std::int64_t created);
// The id and date in such a key of this site, else nullopt.
std::optional<PostedKey> parse_posted_key(std::string_view site, std::string_view source);

// A comment with everything the owner may export (never sent to readers).
struct StoredComment {
  Comment comment;
  std::string email;
  std::string status;
  std::string source;        // "" for comments posted through the API
  std::string subject = {};  // a logged-in author's user id at their provider
};

struct ThreadInfo {
  std::string page;
  std::string title;
};

// A comment with what decides who may change it (PUT/DELETE /api/comments/{id}).
struct AuthoredComment {
  Comment comment;  // with its page
  std::string status;
  std::string subject;  // a verified author's user id at their provider; "" for guests
};

// A comment for a feed, with the title of its thread.
struct FeedEntry {
  Comment comment;
  std::string title;
};

class Store {
 public:
  virtual ~Store() = default;

  // Every comment of one page, oldest first (ties by id).
  virtual std::vector<Comment> list_page(std::string_view site, std::string_view page) = 0;
  // Comments on one page, without reading them.
  virtual std::size_t count_page(std::string_view site, std::string_view page) = 0;
  // Comment counts for several pages, in the order asked; unknown pages count 0.
  virtual std::vector<std::size_t> count_pages(std::string_view site,
                                               const std::vector<std::string>& pages) = 0;
  // Stores a comment and returns it with its id assigned.
  virtual Comment insert(const NewComment& c) = 0;

  // Likes (store/sqlite_likes.cpp for SQLite). Adds the like unless this liker already
  // likes the target; returns whether it was added.
  virtual bool add_like(const NewLike& like) = 0;
  // Removes this liker's like of the target; returns whether there was one.
  virtual bool remove_like(const LikeTarget& target, std::string_view liker) = 0;
  // Likes of the target made from this IP digest (the office/bot cap).
  virtual std::size_t count_likes_from(const LikeTarget& target, std::string_view ip_hash) = 0;
  virtual LikeSummary like_summary(const LikeTarget& target, std::string_view liker,
                                   std::size_t recent) = 0;
  // Like counts of every liked comment on a page, by comment id.
  virtual std::vector<std::pair<std::int64_t, std::size_t>> comment_like_counts(
      std::string_view site, std::string_view page) = 0;
  // The comment ids on a page this liker likes.
  virtual std::vector<std::int64_t> comments_liked_by(std::string_view site, std::string_view page,
                                                      std::string_view liker) = 0;
  // Page like counts for several pages, in the order asked; unknown pages count 0.
  virtual std::vector<std::size_t> count_page_likes(std::string_view site,
                                                    const std::vector<std::string>& pages) = 0;

  // A number that changes whenever this process may have changed what the store holds
  // (any write statement, whatever method ran it) and, with SQLite, when another
  // connection committed (a CLI import, the session store). Equal values mean a result
  // derived from the store is still current (api/thread_cache.hpp). Other PostgreSQL
  // clients are noticed through LISTEN instead (live/pg_fanout.hpp).
  virtual std::uint64_t data_version() = 0;
  // Share clicks (store/*_share_clicks.cpp): one more click on a page's share target.
  virtual void add_share_click(std::string_view site, std::string_view page,
                               std::string_view target) = 0;
  // A page's share clicks, by target id (alphabetical); targets never clicked are absent.
  virtual std::vector<ShareClicks> share_clicks(std::string_view site, std::string_view page) = 0;
  // Archive (store/sqlite_archive.cpp, store/pg_archive.cpp). The comment a source key
  // names on this site: an imported one, or a posted one by its
  // posted_key.
  virtual std::optional<ImportedRef> find_imported(std::string_view site,
                                                   std::string_view source) = 0;
  // Stores the comment unless the site already has its source key; returns its id
  // when stored.
  virtual std::optional<std::int64_t> insert_imported(const ImportedComment& c) = 0;
  // The threads of a site, by page.
  virtual std::vector<ThreadInfo> list_threads(std::string_view site) = 0;
  // Every comment of a page whatever its status, oldest first.
  virtual std::vector<StoredComment> dump_page(std::string_view site, std::string_view page) = 0;
  // The newest approved comments of a site (page "" ) or of one page, newest first.
  virtual std::vector<FeedEntry> recent_comments(std::string_view site, std::string_view page,
                                                 std::size_t limit) = 0;
  // Moves the comments (with their ids, threading and likes) of page `from` to page
  // `to`, creating or joining its thread. Returns how many moved; -1 when `from` has
  // no thread.
  virtual std::int64_t move_thread(std::string_view site, std::string_view from,
                                   std::string_view to) = 0;
  // Own comments (store/*_own_comments.cpp): a comment of the site by id, any status.
  virtual std::optional<AuthoredComment> find_comment(std::string_view site, std::int64_t id) = 0;
  // Replaces an approved comment's text and rendering; false when there is none.
  virtual bool update_comment(std::string_view site, std::int64_t id, std::string_view text,
                              std::string_view html) = 0;
  // Marks an approved comment deleted and erases its text and author (the row stays as
  // its replies' placeholder); false when there is none.
  virtual bool delete_comment(std::string_view site, std::int64_t id) = 0;
};

}  // namespace parley::server
