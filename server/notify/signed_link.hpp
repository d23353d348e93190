// The owner's approve and delete links in mail: the action, comment and expiry signed
// with HMAC-SHA256 under the server secret, so a link works without a login and only
// for what it names, until it expires.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::server::notify {

std::string hex(std::string_view bytes);

struct ModerationLink {
  std::string site;
  std::int64_t comment = 0;
  std::string action;        // "approve" or "delete"
  std::int64_t expires = 0;  // Unix seconds
};

// Hex HMAC-SHA256 of the link's fields.
std::string sign_link(std::string_view key, const ModerationLink& link);
// True when `signature` is the link's and it has not expired at `now`.
bool link_valid(std::string_view key, const ModerationLink& link, std::string_view signature,
                std::int64_t now);
// The query string of the link (without "?"): site, id, action, expires, sig.
std::string link_query(std::string_view key, const ModerationLink& link);

}  // namespace parley::server::notify
