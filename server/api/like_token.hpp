// The browser's random like token (docs/share-and-likes.md): the one rule for what a
// guest's token looks like, wherever one arrives (the likes endpoints, /api/me/data).
#pragma once

#include <cstddef>
#include <string_view>

namespace parley::server {

// The token is random (the host draws 128 bits from crypto.getRandomValues, 32 hex
// digits); at least 16 characters of [A-Za-z0-9_-] keep guessable keys out, 64 bound
// the row.
inline constexpr std::size_t kMinLikeTokenChars = 16;
inline constexpr std::size_t kMaxLikeTokenChars = 64;

inline bool valid_like_token(std::string_view t) {
  if (t.size() < kMinLikeTokenChars || t.size() > kMaxLikeTokenChars) return false;
  for (const char c : t) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace parley::server
