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
};

// What a like is about: a page (comment 0) or one comment on it.
struct LikeTarget {
  std::string site;
  std::string page;
  std::int64_t comment = 0;
};

// One like as the service records it. `liker` is a digest of the browser token, never
// the token; `ip_hash` a salted digest of the IP that rotates daily; `avatar` the seed
// of the liker's generated avatar.
struct NewLike {
  LikeTarget target;
  std::string liker;
  std::string ip_hash;
  std::string avatar;
  std::int64_t created = 0;
};

// Share clicks on one page, per share target id ("x", "copy", …).
struct ShareClicks {
  std::string target;
  std::int64_t clicks = 0;
};

// A like target as a reader sees it: how many, whether this liker is among them, and
// the avatar seeds of the most recent likers, newest first.
struct LikeSummary {
  std::size_t count = 0;
  bool liked = false;
  std::vector<std::string> recent;
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
};

}  // namespace parley::server
