// The minimum-time layer (docs/spam.md): the plain form carries the time it was rendered,
// signed with the server secret, and a post sooner than `min_seconds` after that, or
// without a token this server signed, is refused. People read before they write; a
// program that posts the form it just fetched does not wait.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "spam/verdict.hpp"

namespace parley::server::spam {

// The hidden field of the plain form that carries the token.
inline constexpr std::string_view kFormTokenField = "rendered";
// A clock a little ahead on another parleyd of the same cluster is not a forgery.
inline constexpr std::int64_t kClockSkewSeconds = 60;

// "<unix seconds>.<hex HMAC-SHA256(secret, site and seconds)>".
std::string form_token(std::string_view secret, std::string_view site, std::int64_t now);

// accept, or reject "form_expired" (no token, or not ours, or from the future) or
// "too_fast" (signed fewer than `min_seconds` ago).
Verdict check_form_token(std::string_view secret, std::string_view site, std::string_view token,
                         std::int64_t now, int min_seconds);

}  // namespace parley::server::spam
