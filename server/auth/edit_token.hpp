// Edit tokens: what lets the author of a comment change or delete it for a while
// after posting (docs/api.md, PUT/DELETE /api/comments/{id}). A token is
// "<comment id>.<expires>." base64url(HMAC-SHA256(secret, what it binds)): the site,
// the comment and the expiry, under a purpose label so that no other token parleyd
// signs with the same secret (login sessions) can pass for one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::server::auth {

// Longer than any token sign_edit_token makes: anything longer is refused unread.
inline constexpr std::size_t kMaxEditTokenChars = 128;

std::string sign_edit_token(std::string_view site, std::int64_t comment, std::int64_t expires,
                            std::string_view secret);

enum class EditTokenProblem { none, invalid, expired };

// Whether `token` was signed for this site and comment, and is still good at `now`.
EditTokenProblem check_edit_token(std::string_view token, std::string_view site,
                                  std::int64_t comment, std::int64_t now, std::string_view secret);

}  // namespace parley::server::auth
