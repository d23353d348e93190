// The view of one comment: WordPress's comment markup, namespaced with parley-.
//
//   <li class="parley-item parley-depth-N">
//     <article class="parley-comment" id="parley-comment-<id>">
//       header: avatar, author (linked to the website), "says:", <time> in date-<id>
//       <div class="parley-body"> stored html </div>
//       footer: Reply button, and the heart when the page shows likes (view_likes.hpp)
//       <div class="parley-reply-slot" data-parley-key="reply-slot-<id>">
//       <ol class="parley-children" data-parley-key="children-<id>"> replies </ol>
//     </article>
//   </li>
//
// Rendering is split into open/close so a thread renders its replies in between
// without recursion: the tree's shape comes from the network, its depth is not ours
// to trust.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "comment.hpp"
#include "html.hpp"
#include "view_likes.hpp"

namespace parley::view {

// rel of every link whose target a commenter chose.
inline constexpr std::string_view kUserLinkRel = "nofollow ugc noopener noreferrer";

// Renders everything of comment `c` up to and including the opening tag of its
// replies list. `depth` is the visual depth (0 = top level, capped by the caller at
// limits::kMaxDepth); `now` is Unix seconds for the relative date. `likes` gives the
// hearts their counts; null when the page shows no likes (no hearts then).
void open_comment(HtmlBuilder& b, const Comment& c, int depth, std::int64_t now,
                  const CommentLikeMap* likes = nullptr);
// Closes what open_comment opened.
void close_comment(HtmlBuilder& b);

// A comment with no replies yet, as one fragment (the widget appends a new comment).
SafeHtml comment_item(const Comment& c, int depth, std::int64_t now,
                      const CommentLikeMap* likes = nullptr);

// The name readers see: the author's, or the localized "Anonymous" for a guest who gave
// none (the `allowed` guest mode, core/guest_mode.hpp), as WordPress shows them.
std::string shown_author(std::string_view author);

// The initial shown in the avatar: the author's first character, upper-cased when
// it is ASCII; "?" for an empty name.
std::string avatar_initial(std::string_view author);
// A stable colour slot (0 .. kAvatarHues-1) derived from the name, so one author
// keeps one colour across pages without any network avatar service.
inline constexpr unsigned kAvatarHues = 8;
unsigned avatar_hue(std::string_view author);

}  // namespace parley::view
