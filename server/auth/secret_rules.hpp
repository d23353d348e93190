// What parleyd accepts as its server secret (the key that signs login tokens and salts
// the like address digests): long, and not one of the values people leave in place.
// Enforced at startup outside demo mode (config.cpp), tested by tests/server/secrets.test.mjs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace parley::server::auth {

// HMAC-SHA256 keys shorter than this are guessable offline from one token.
inline constexpr std::size_t kMinSecretBytes = 32;
// A random secret of 32+ characters has far more distinct characters than this (base64:
// about 25 of 64 in 32 draws); a phrase padded to length or a keyboard run has fewer.
inline constexpr std::size_t kMinDistinctSecretChars = 10;

// The placeholder shown in server/parley.example.json and docs/login.md: copied as is,
// it must be refused, so it is written once, here.
inline constexpr std::string_view kSecretPlaceholder =
    "REPLACE-ME: at least 32 random characters, e.g. openssl rand -base64 48";

// Why `secret` must not be used ("" when it may): too short, the placeholder, a
// well-known default ("changeme", "secret", ...) however padded, or too uniform
// (one character or one short pattern repeated).
std::string secret_problem(std::string_view secret);

}  // namespace parley::server::auth
