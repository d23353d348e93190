// The event envelope of live updates, one JSON object per event:
//   {"type":"comment.created","comment":{...public wire form...}}
// Later kinds keep the envelope: comment.edited and comment.deleted carry the comment
// (a deleted one with its id), likes.changed carries {comment, likes}.
#pragma once

#include <string>
#include <string_view>

#include "core/comment.hpp"

namespace parley::server::live {

inline constexpr std::string_view kCommentCreated = "comment.created";

std::string comment_event(std::string_view type, const Comment& comment);

}  // namespace parley::server::live
