// The bounds of the admin UI, each with its reason (the others: server_limits.hpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace parley::server::admin::limits {

// An admin session lasts a working day; after that the owner logs in again.
inline constexpr std::int64_t kSessionSeconds = 12 * 3600;
// Login attempts per minute, per client IP and per account (each a token bucket): an
// owner mistyping gets several tries, a guesser gets 5 a minute per address and, however
// many addresses they use, 5 a minute per account.
inline constexpr int kDefaultLoginsPerMinute = 5;
// Accounts tracked by the per-account limiter (email keys; unknown emails count too, so
// a guesser cannot tell accounts apart by being limited or not).
inline constexpr std::size_t kMaxTrackedAccounts = 10000;
// RFC 5321's limit on a forward path; longer is not an email.
inline constexpr std::size_t kMaxEmailBytes = 254;
// Random bytes in a session token, a CSRF token and a login form token.
inline constexpr std::size_t kTokenBytes = 32;
// Comments on one page of the moderation queue (newest first); the filters narrow it.
inline constexpr std::size_t kQueuePage = 100;
// Fields of one admin form (bulk actions send one `id` per selected comment).
inline constexpr std::size_t kMaxFormParams = 220;

}  // namespace parley::server::admin::limits
