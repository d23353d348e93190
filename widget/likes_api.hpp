// The widget's side of the likes API (docs/api.md, "Likes"): request paths and bodies,
// and reading the answers. Reading is total, as in api.hpp: a body that is not what the
// API documents yields false, never an exception.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/view_likes.hpp"

namespace parley::widget::api {

// The localStorage key of the browser's random like token (docs/share-and-likes.md).
inline constexpr std::string_view kLikeTokenKey = "parley:like-token";

// GET: a page's likes, its liked comments, and which of them this token likes
// (`token` may be empty: nothing reads as liked).
std::string likes_path(std::string_view site, std::string_view page, std::string_view token);
// POST (like) and DELETE (unlike). `token` is "" for a signed-in reader without one
// (the bearer token says who likes).
std::string like_path(std::string_view site);
std::string like_body(std::string_view page, std::int64_t comment, std::string_view token);

// One target's likes: {count, liked, recent}. `recent` is bounded by kMaxRecentLikers.
struct LikeSummary {
  view::LikeCount likes;
  std::vector<view::RecentLiker> recent;
};
inline constexpr std::size_t kMaxRecentLikers = 10;

// GET /api/likes: the page's summary, the comments' counts, and whether the site
// refuses guest likes.
struct PageLikes {
  LikeSummary page;
  view::CommentLikeMap comments;
  bool require_login = false;
};
bool read_page_likes(std::string_view body, PageLikes& out);
// POST/DELETE 200.
bool read_like_summary(std::string_view body, LikeSummary& out);
// A live event {"type":"likes.changed","comment":id,"likes":{count, recent}}; false
// for any other event. `liked` is left false: the event is the same for every reader.
bool read_likes_event(std::string_view data, std::int64_t& comment, LikeSummary& out);

// A random like token is 16 to 64 characters of [A-Za-z0-9_-] (the server's rule).
bool valid_like_token(std::string_view token);

}  // namespace parley::widget::api
