// The link a guest gets by mail from the /privacy page (docs/privacy.md): the site, the
// email they typed and an expiry, signed with HMAC-SHA256 under the server secret, so
// the link shows that address's comments, and only those, until it expires.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::server::notify {

// How long such a link works: long enough to find the mail, short enough that a
// forwarded or leaked one soon stops showing anything.
inline constexpr std::int64_t kDataLinkSeconds = 24 * 3600;

struct DataLink {
  std::string site;
  std::string email;
  std::int64_t expires = 0;  // Unix seconds
};

// Hex HMAC-SHA256 of the link's fields.
std::string sign_data_link(std::string_view key, const DataLink& link);
// True when `signature` is the link's and it has not expired at `now`.
bool data_link_valid(std::string_view key, const DataLink& link, std::string_view signature,
                     std::int64_t now);
// The query string of the link (without "?"): site, email, expires, sig.
std::string data_link_query(std::string_view key, const DataLink& link);

}  // namespace parley::server::notify
