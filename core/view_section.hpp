// The whole comments section: heading, thread, and the respond form at home.
//
//   <section class="parley-comments" id="parley-comments">
//     <h2 class="parley-count" data-parley-key="count">…</h2>
//     <ol class="parley-thread" data-parley-key="thread">…</ol>
//     <div class="parley-form-home" data-parley-key="form-home"> respond_section </div>
//   </section>
//
// The widget renders it on start without a thread (a loading line instead); the
// server can render it with the thread for readers without JavaScript, and as the
// early fragment the loader shows before the widget starts (view_static.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

#include "safe_html.hpp"
#include "thread.hpp"
#include "view_form.hpp"
#include "view_likes.hpp"

namespace parley::view {

struct SectionInput {
  std::string_view title;          // page title, for the heading
  const Thread* thread = nullptr;  // null while the thread is loading
  std::int64_t now = 0;            // Unix seconds, for relative dates
  FormValues form;
  // A moderator closed the thread: "Comments are closed." stands where the form would,
  // and the thread carries data-parley-closed (parley.css hides Reply).
  bool closed = false;
  // The comments' hearts (view_comment.hpp); null for none.
  const CommentLikeMap* likes = nullptr;
  // Top-level comments shown (with their replies): the first slice of a thread whose
  // rest follows in slices; by default all.
  std::size_t end_root = std::numeric_limits<std::size_t>::max();
  // The form home stays empty (no respond form; on a closed thread the notice still
  // shows): the widget that takes the markup over puts its own form there.
  bool no_form = false;
};

SafeHtml comments_section(const SectionInput& in);

// Content of the `thread` region while the thread is on its way.
SafeHtml loading_items();

}  // namespace parley::view
