// The views of likes: the page's Like block ("Be the first to like this." / "3 bloggers
// like this", the recent likers' avatars) and the heart on each comment.
//
//   <div class="parley-likes" data-parley-key="likes">
//     <h3 class="parley-likes-heading">Like this:</h3>
//     <div class="parley-likes-row">
//       <button class="parley-like-button" data-parley-action="like" data-parley-id="0"
//               data-parley-key="like-0" aria-pressed="false">♥ Like</button>
//       <ul class="parley-likers" data-parley-key="likers"> avatars </ul>
//     </div>
//     <p class="parley-likes-text" data-parley-key="like-count-0">…</p>
//     <p class="parley-like-message" data-parley-key="like-message-0" role="status"></p>
//   </div>
//
// A comment's heart is the same button with the comment's id (like-<id>), its count in
// like-count-<id> and its message in like-message-<id>, so the widget treats the page
// and its comments alike: flip aria-pressed and rewrite the count, never re-render the
// button (the keyboard focus stays on it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "safe_html.hpp"

namespace parley::view {

// How many like a target, and whether this reader does.
struct LikeCount {
  std::size_t count = 0;
  bool liked = false;
};

// Comment likes by comment id; a comment not in the map has none.
using CommentLikeMap = std::map<std::int64_t, LikeCount>;

// One of the most recent likers: `avatar` is the avatar seed (hex) of a guest, or the
// http(s) URL of a signed-in liker's provider avatar; `name` a signed-in liker's
// display name ("" for a guest).
struct RecentLiker {
  std::string avatar;
  std::string name;
};

struct PageLikesInput {
  LikeCount page;
  const std::vector<RecentLiker>* recent = nullptr;  // newest first
  bool loading = false;                              // the counts are on their way
};

// The whole Like block, the content of the `likes` region.
SafeHtml likes_block(const PageLikesInput& in);

// "Be the first to like this." / "1 blogger likes this" / "N bloggers like this".
std::string likes_text(std::size_t count);

// The <li> avatars of the recent likers, the content of the `likers` region.
SafeHtml likers(const std::vector<RecentLiker>& recent);

// One liker's avatar: the provider's picture for an http(s) URL (titled with the
// liker's name, if any), otherwise a generated one (generated_avatar).
SafeHtml liker_avatar(std::string_view avatar, std::string_view name = {});

// A deterministic identicon for a guest: a mirrored 5x5 pattern and a hue drawn from
// the seed, as inline SVG (no request to any avatar service). Any seed gives a valid
// picture; the seed's text never appears in the markup.
SafeHtml generated_avatar(std::string_view seed);

// The heart of comment `id` by `author`, with its count, and its message slot.
SafeHtml comment_like(std::int64_t id, std::string_view author, LikeCount likes);

// The text of a comment's count region: the number, or nothing when nobody likes it.
std::string comment_like_count(std::size_t count);

}  // namespace parley::view
