// The view of a page's thread: the "N Responses to “Title”" heading and the nested
// comment lists, WordPress style.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "safe_html.hpp"
#include "thread.hpp"
#include "view_likes.hpp"

namespace parley::view {

// "No Responses yet", "One Response to “Title”", "2 Responses to “Title”"; without
// a title the "to …" part is left out.
std::string responses_heading(std::size_t count, std::string_view title);

// The items (<li>, replies nested) of the top-level list, the content of the
// `thread` region. Iterative, so a hostile chain of replies cannot exhaust the stack.
// `likes`: the comments' hearts (view_comment.hpp); null for none.
SafeHtml thread_items(const Thread& t, std::int64_t now, const CommentLikeMap* likes = nullptr);

// The items of top-level comments [first_root, end_root) with their replies: a slice of
// the thread, for showing a long one over several frames.
SafeHtml thread_items(const Thread& t, std::int64_t now, std::size_t first_root,
                      std::size_t end_root, const CommentLikeMap* likes = nullptr);

}  // namespace parley::view
