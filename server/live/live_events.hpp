// The event envelope of live updates, one JSON object per event:
//   {"type":"comment.created","comment":{...public wire form...}}
// Later kinds keep the envelope: comment.edited and comment.deleted carry the comment
// (a deleted one with its id), likes.changed carries {comment, likes}.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/comment.hpp"

namespace parley::server::live {

inline constexpr std::string_view kCommentCreated = "comment.created";
inline constexpr std::string_view kLikesChanged = "likes.changed";
inline constexpr std::string_view kCommentEdited = "comment.edited";
// Carries the placeholder form of the comment: {id, parent, depth, created, "deleted": true}.
inline constexpr std::string_view kCommentDeleted = "comment.deleted";

std::string comment_event(std::string_view type, const Comment& comment);
// {"type":"likes.changed","comment":id,"likes":{"count":n,"recent":[...]}}: a target's
// likes after a like or unlike (comment 0 = the page). No `liked`: every reader of the
// page gets the same event.
// `recent` is the wire form of the recent likers, as the likes API answers it.
std::string likes_event(std::int64_t comment, std::size_t count, const nlohmann::json& recent);

}  // namespace parley::server::live
