// The comment model (its JSON wire format, parleyd's side: comment_json.hpp).
//
// A Draft is what a reader submits; a Comment is what the store holds and what the
// API returns. Email addresses exist only in Draft and in the store: the public wire
// form of a Comment never carries them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "result.hpp"

namespace parley {

struct Draft {
  std::string page;         // page key: the path of the page ("/2011/07/raids/")
  std::string title;        // page title, stored with the thread for feeds and headings
  std::int64_t parent = 0;  // 0 for a top-level comment
  std::string text;         // Markdown source
  std::string author;       // display name
  std::string email;        // never public
  std::string website;      // optional http(s) URL
  // "Notify me of follow-up comments by email": a guest with an email asks for a mail
  // when someone replies to this comment (after confirming it; docs/notifications.md).
  bool notify_replies = false;
  // "Notify me of new posts by email": the same guest asks for a mail when the site's
  // owner announces a new post (double opt-in too).
  bool notify_posts = false;
};

struct Comment {
  std::int64_t id = 0;
  std::int64_t parent = 0;  // 0 for top level
  int depth = 0;            // 0 for top level; at most limits::kMaxDepth
  std::string page;
  std::string author;
  std::string website;       // "" when none
  std::string text;          // Markdown source
  std::string html;          // core's rendering of `text`, stored so reads never re-render
  std::int64_t created = 0;  // Unix seconds, UTC
  // Set when the author was logged in (docs/login.md): the provider that verified them
  // (its id and the name readers see, "GitHub") and its avatar URL ("" when none). The
  // provider's user id stays on the server.
  std::string provider;
  std::string provider_name;
  std::string avatar;
  // Pinned by a moderator (docs/admin.md): shown before the other top-level comments.
  bool pinned = false;

  bool verified() const { return !provider.empty(); }

  // A deleted comment that still has replies: shown as a placeholder so its replies
  // keep their place; author, website, text and html are empty.
  bool deleted = false;
};

}  // namespace parley
