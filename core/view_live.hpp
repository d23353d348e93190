// The "new comments" bar of live updates. Comments other readers post while this page
// is open are not pushed into the thread under the reader's eyes: the bar says how
// many arrived, and a click shows them (docs/widget-protocol.md, "Live updates").
//
//   <div class="parley-live" data-parley-key="live">
//     <button type="button" class="parley-live-bar" data-parley-action="show-new">
//       Show 2 new comments</button>
//   </div>
#pragma once

#include <cstddef>
#include <string>

#include "safe_html.hpp"

namespace parley::view {

// The content of the `live` region: the bar, or nothing when `count` is 0.
SafeHtml new_comments_bar(std::size_t count);

// "1 new comment" / "2 new comments".
std::string new_comments_text(std::size_t count);

}  // namespace parley::view
