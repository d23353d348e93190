#include "notify/data_link.hpp"

#include "auth/crypto.hpp"
#include "auth/http_client.hpp"
#include "notify/signed_link.hpp"

namespace parley::server::notify {

std::string sign_data_link(std::string_view key, const DataLink& link) {
  // Its own purpose prefix, so a moderation link's signature never passes for this one;
  // no field holds a newline (site ids and mail addresses cannot).
  const std::string message =
      "parley-reader-data\n" + link.site + '\n' + link.email + '\n' + std::to_string(link.expires);
  return hex(auth::hmac_sha256(key, message));
}

bool data_link_valid(std::string_view key, const DataLink& link, std::string_view signature,
                     std::int64_t now) {
  if (now > link.expires) return false;
  return auth::constant_time_equal(sign_data_link(key, link), signature);
}

std::string data_link_query(std::string_view key, const DataLink& link) {
  return auth::form_encode({{"site", link.site},
                            {"email", link.email},
                            {"expires", std::to_string(link.expires)},
                            {"sig", sign_data_link(key, link)}});
}

}  // namespace parley::server::notify
