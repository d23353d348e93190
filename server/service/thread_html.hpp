// The thread as HTML for readers without JavaScript and for search engines
// (docs/seo-nojs.md): GET /embed/thread serves it, POST /form/comments shows it again
// with the reader's input and errors, and `parleyd export-html` writes it into pages.
// The markup is core's (view::static_thread); this file adds the plain form's
// address and hidden fields, and the document around it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/embed_parts.hpp"
#include "core/view_form.hpp"
#include "core/view_likes.hpp"
#include "core/view_share_bar.hpp"
#include "service/comment_service.hpp"

namespace parley::server {

struct ThreadHtml {
  std::string site;
  std::string page;   // page key
  std::string title;  // page title, for the heading
  std::string lang;   // BCP 47 tag of the catalog; "" for English
  // parleyd's public address ("https://comments.example") for a fragment included in
  // another site's pages; "" for pages parleyd serves itself (relative URLs).
  std::string base;
  // Where the reader goes back to after posting: a path on the site ("" = `page`), and
  // the site origin they came from when the form is shown again by parleyd.
  std::string return_path;
  std::string origin;
  // What the reader sent, the errors and the status sentence, after a refused post.
  view::FormValues form;
  bool closed = false;  // a moderator closed the thread: "Comments are closed.", no form
  // GET /embed/thread?format=early (core/view_static.hpp): no form, a long thread in slices.
  bool early = false;
  // Every comment carries its heart, with the counts in `likes` (none there: 0).
  bool hearts = false;
  view::CommentLikeMap likes;
  // live::EventHub::resume_point, taken before the thread is read (view_static.hpp).
  std::string last_event_id;
  // The early fragment's parts in the mount's order (view::StaticThreadInput): the share
  // bar when `share` is set, the Like block when `page_likes` is (with `recent_likers`).
  std::vector<Part> parts;
  std::optional<view::ShareBarInput> share;
  std::optional<view::LikeCount> page_likes;
  std::vector<view::RecentLiker> recent_likers;
};

// The plain form posts here: /form/comments?site=<site>.
std::string form_action(std::string_view base, std::string_view site);

// The section and its data script, for a page to include.
std::string thread_fragment(CommentService& comments, ThreadHtml in, std::int64_t now);

// A whole HTML document around the fragment, linking `stylesheet` (a URL; "": none).
std::string thread_document(CommentService& comments, ThreadHtml in, std::string_view stylesheet,
                            std::int64_t now);

}  // namespace parley::server
