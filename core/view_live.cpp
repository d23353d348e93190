#include "view_live.hpp"

#include "html.hpp"

namespace parley::view {

std::string new_comments_text(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " new comment" : " new comments");
}

SafeHtml new_comments_bar(std::size_t count) {
  HtmlBuilder b;
  if (count == 0) return std::move(b).finish();
  b.element("button",
            {{"type", "button"}, {"class", "parley-live-bar"}, {"data-parley-action", "show-new"}},
            "Show " + new_comments_text(count));
  return std::move(b).finish();
}

}  // namespace parley::view
