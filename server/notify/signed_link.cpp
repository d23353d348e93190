#include "notify/signed_link.hpp"

#include "auth/crypto.hpp"
#include "auth/http_client.hpp"

namespace parley::server::notify {

std::string hex(std::string_view bytes) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto u = static_cast<unsigned char>(c);
    out += kDigits[u >> 4];
    out += kDigits[u & 0xF];
  }
  return out;
}

std::string sign_link(std::string_view key, const ModerationLink& link) {
  // A purpose prefix and a separator no field can hold (site ids and actions have no
  // newline) keep one signed message from being read as another.
  const std::string message = "parley-moderate\n" + link.site + '\n' +
                              std::to_string(link.comment) + '\n' + link.action + '\n' +
                              std::to_string(link.expires);
  return hex(auth::hmac_sha256(key, message));
}

bool link_valid(std::string_view key, const ModerationLink& link, std::string_view signature,
                std::int64_t now) {
  if (now > link.expires) return false;
  return auth::constant_time_equal(sign_link(key, link), signature);
}

std::string link_query(std::string_view key, const ModerationLink& link) {
  return auth::form_encode({{"site", link.site},
                            {"id", std::to_string(link.comment)},
                            {"action", link.action},
                            {"expires", std::to_string(link.expires)},
                            {"sig", sign_link(key, link)}});
}

}  // namespace parley::server::notify
