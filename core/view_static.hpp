// The thread as parleyd renders it for readers without JavaScript and for search
// engines (docs/seo-nojs.md): the comments section the widget shows, with the plain
// HTML form, followed by the thread's data, which the widget adopts when JavaScript
// runs instead of downloading the thread again:
//
//   <section class="parley-comments" …> heading, thread, form </section>
//   <script type="application/json" class="parley-data">
//     {"site","page","lang","rendered_at","count","comments":[wire form…]}
//   </script>
//
// The data is slim: each comment's "html" is "" (the member stays, as the wire form
// has it), since the rendered comment is already in the section above; repeating it
// nearly doubled the bytes (format=fragment, 100 comments of 300 characters: 26.3 KB
// gzip with it, 16.8 KB without).
//
// The early fragment (`early`, GET /embed/thread?format=early, "HTML first") is what the
// loader inserts into the mount before the widget's wasm arrives, for the widget to
// adopt: no form (the form home stays empty, for the widget's own), the hearts when
// `likes` is given ("hearts": true in the data), and a long thread in slices the loader
// parses a task apart, so no task of the page is long:
//
//   PART0 <!--parley-slice--> PART1 <!--parley-slice--> PART2 …
//
// PART0 is every part of the mount in the mount's order (`parts`, its
// data-parley-parts), so that the widget inserts nothing above the comments when it
// starts: the share bar (a same-size stand-in the widget replaces whole, by its key
// "spread"), the Like block (which the widget adopts and redraws when its likes answer
// comes) and the section with the first kEarlyFirstSlice comments' top-level subtrees;
// then the data script (of the whole thread, with "parts": the parts rendered, in
// order). Each later PART is only the <li> items of the next top-level comments, whole
// subtrees of about kEarlyLaterSlice comments, to append to the thread's
// <ol data-parley-key="thread">. The marker cannot occur anywhere else: text and
// attribute values escape '<' as &lt;, stored comments are core's Markdown rendering
// (raw HTML escaped), and the data script writes '<' as \u003c.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "comment.hpp"
#include "embed_parts.hpp"
#include "safe_html.hpp"
#include "view_form.hpp"
#include "view_likes.hpp"
#include "view_share_bar.hpp"

namespace parley::view {

// Between the slices of the early fragment.
inline constexpr std::string_view kSliceMarker = "<!--parley-slice-->";
// The first slice is what the widget shows in its first task too (its kCommentsPerSlice,
// widget/thread_flow.cpp): a thread of up to 100 comments, most threads, comes whole.
inline constexpr std::size_t kEarlyFirstSlice = 100;
// Later slices are only parsed and laid out by the browser, with no rendering in wasm as
// in the widget's slices (100 of those took 14-27 ms of CPU a task, host-isolation.test.mjs),
// so twice as many should still fit a task under 50 ms, in half the tasks. An estimate:
// to be measured with the loader in Chromium.
inline constexpr std::size_t kEarlyLaterSlice = 200;

struct StaticThreadInput {
  std::string_view site;
  std::string_view page;
  std::string_view title;
  const std::vector<Comment>* comments = nullptr;  // the stored thread, oldest first
  std::int64_t now = 0;                            // Unix seconds: dates and rendered_at
  FormValues form;                                 // with `action` set: the plain form
  bool closed = false;  // a moderator closed the thread: no form (view_section.hpp)
  bool early = false;   // the early fragment: no form, slices (above)
  // The comments' hearts with their counts, as the widget shows them; null: none.
  const CommentLikeMap* likes = nullptr;
  // Where the widget that adopts this resumes live updates (the Last-Event-ID parleyd
  // had given out before it read the thread), so nothing posted between this rendering
  // and the widget's start is missed; "" when rendered away from parleyd's live events.
  std::string_view last_event_id;
  // The mount's parts, in its order (the early fragment's PART0, or a fragment asked for
  // with them): Share is rendered when `share` is given, Likes when `page_likes` is; the
  // section always, last if not listed; the data then says "parts". Empty: only the
  // section, and no "parts".
  std::vector<Part> parts;
  const ShareBarInput* share = nullptr;
  const PageLikesInput* page_likes = nullptr;
};

// Rendered in the active catalog's language (i18n::Use).
SafeHtml static_thread(const StaticThreadInput& in);

}  // namespace parley::view
