// What the widget remembers about likes (docs/share-and-likes.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/view_likes.hpp"

namespace parley::widget {

struct LikesState {
  bool shown = false;  // the mount shows the likes part
  bool hearts = true;  // its comments have hearts (not in a pre-rendered thread without)
  // The browser's like token: the saved one, else "" until the reader first likes,
  // when `fresh` (random, from the host's crypto.getRandomValues) becomes it and is
  // saved. A reader who never likes leaves nothing in localStorage.
  std::string token;
  std::string fresh;
  bool requested = false;  // GET /api/likes was sent (once per page view)
  int request = 0;         // GET /api/likes in flight
  view::LikeCount page;
  std::vector<view::RecentLiker> recent;  // the page's most recent likers
  view::CommentLikeMap comments;          // liked comments only
  // Like/unlike requests in flight (at most one per target, so a handful): the target
  // (0 = the page) and its state before the click, restored when the server refuses or
  // cannot be reached. Clicks on a target whose request is on its way show at once and
  // leave the reader's last wish in `then`, sent after the answer if the answer differs:
  // one request per target at a time keeps the server's order the reader's.
  struct Sending {
    int request = 0;
    std::int64_t target = 0;
    view::LikeCount before;
    std::optional<bool> then;
  };
  std::vector<Sending> sending;
};

}  // namespace parley::widget
