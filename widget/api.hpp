// The widget's side of the HTTP API (docs/api.md): request paths and reading response
// bodies. Reading is total: a body that is not what the API documents yields false or
// an empty error, never an exception.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/comment.hpp"
#include "core/result.hpp"

namespace parley::widget::api {

// The localStorage key of the commenter's saved details (the host reads it on start).
inline constexpr std::string_view kSavedKey = "parley:author";

// Percent-encodes a query-string component: everything but unreserved characters and
// "/" (page keys are paths; keeping slashes keeps logs readable).
std::string query_encode(std::string_view s);

std::string thread_path(std::string_view site, std::string_view page);  // GET
std::string post_path(std::string_view site);                           // POST

// GET /api/comments: {"comments":[...]} in the public wire form. At most
// limits::kMaxThreadComments are kept, the bound the store guarantees anyway.
bool read_thread(std::string_view body, std::vector<Comment>& out);
// POST 201: the stored comment.
bool read_comment(std::string_view body, Comment& out);

// Any 4xx/5xx body: {error, message, field?, errors[]?}.
struct Error {
  std::string message;
  FieldErrors errors;                       // from `errors`, or `field`+`message`
  std::optional<std::int64_t> retry_after;  // 429 bodies may say how long to wait
};
Error read_error(std::string_view body);

}  // namespace parley::widget::api
