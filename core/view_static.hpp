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
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "comment.hpp"
#include "safe_html.hpp"
#include "view_form.hpp"

namespace parley::view {

struct StaticThreadInput {
  std::string_view site;
  std::string_view page;
  std::string_view title;
  const std::vector<Comment>* comments = nullptr;  // the stored thread, oldest first
  std::int64_t now = 0;                            // Unix seconds: dates and rendered_at
  FormValues form;                                 // with `action` set: the plain form
  bool closed = false;  // a moderator closed the thread: no form (view_section.hpp)
};

// Rendered in the active catalog's language (i18n::Use).
SafeHtml static_thread(const StaticThreadInput& in);

}  // namespace parley::view
