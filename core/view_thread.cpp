#include "view_thread.hpp"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "html.hpp"
#include "i18n.hpp"
#include "view_comment.hpp"

namespace parley::view {

std::string responses_heading(std::size_t count, std::string_view title) {
  const i18n::Catalog& cat = i18n::active();
  if (count == 0) return cat.text("thread.none");
  if (title.empty()) return cat.count("thread.count", count);
  return cat.count("thread.count_to", count, {{"title", title}});
}

SafeHtml thread_items(const Thread& t, std::int64_t now, const CommentLikeMap* likes) {
  return thread_items(t, now, 0, t.roots.size(), likes);
}

SafeHtml thread_items(const Thread& t, std::int64_t now, std::size_t first_root,
                      std::size_t end_root, const CommentLikeMap* likes) {
  HtmlBuilder b;
  end_root = std::min(end_root, t.roots.size());
  if (first_root >= end_root) return std::move(b).finish();
  const std::vector<std::size_t> roots(t.roots.begin() + static_cast<std::ptrdiff_t>(first_root),
                                       t.roots.begin() + static_cast<std::ptrdiff_t>(end_root));
  // Depth-first walk with an explicit stack. Each frame is a comment whose subtree is
  // open plus the position of the next reply to render; a frame is closed when its
  // replies are exhausted.
  struct Frame {
    const std::vector<std::size_t>* siblings;
    std::size_t next;
  };
  std::vector<Frame> stack{{&roots, 0}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next == top.siblings->size()) {
      stack.pop_back();
      if (!stack.empty()) close_comment(b);  // the comment owning those replies
      continue;
    }
    const std::size_t i = (*top.siblings)[top.next++];
    open_comment(b, t.comments[i], t.depth[i], now, likes);
    stack.push_back({&t.children[i], 0});
  }
  return std::move(b).finish();
}

}  // namespace parley::view
