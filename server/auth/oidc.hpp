// OpenID Connect relying party pieces: the issuer's discovery document and signing keys
// (cached), and ID-token verification (RS256 signature, iss, aud, exp, nonce).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace parley::server::auth {

// Providers rotate keys rarely and announce them in advance; an hour bounds how long a
// removed key is still trusted while sparing the provider a request per login.
inline constexpr std::int64_t kMetadataCacheSeconds = 3600;
// Clock skew tolerated between parleyd and the provider when checking exp/iat.
inline constexpr std::int64_t kClockSkewSeconds = 60;

struct Discovery {
  std::string issuer;
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string userinfo_endpoint;  // optional in the spec
  std::string jwks_uri;
};

struct IdTokenClaims {
  std::string subject;
  std::string name;     // name, else preferred_username, else nickname
  std::string picture;  // only https (or http for a loopback issuer) URLs are kept
};

// Why a login could not be completed; each has its own message for the reader.
struct LoginFailure {
  std::string reader_message;  // shown in the widget
  std::string log_detail;      // for the server log; never secrets or tokens
};

class OidcClient {
 public:
  // The issuer's metadata, fetched or from cache; nullopt with `failure` filled.
  std::optional<Discovery> discover(const std::string& issuer, std::int64_t now,
                                    LoginFailure& failure);
  // Verifies `id_token` for `client_id` and `nonce`; nullopt with `failure` filled.
  std::optional<IdTokenClaims> verify_id_token(const Discovery& d, std::string_view id_token,
                                               const std::string& client_id,
                                               const std::string& nonce, std::int64_t now,
                                               LoginFailure& failure);

 private:
  struct Cached {
    nlohmann::json value;
    std::int64_t fetched = 0;
  };
  // Fetches JSON from `url`, cached for kMetadataCacheSeconds unless `refresh`. A copy:
  // logins run on worker threads (docs/login.md), and another may refresh the entry.
  std::optional<nlohmann::json> fetch_json(const std::string& url, std::int64_t now, bool refresh,
                                           LoginFailure& failure);
  std::mutex mutex_;                     // guards cache_
  std::map<std::string, Cached> cache_;  // a few issuers per server
};

// Keeps only a picture URL the widget may show: https, or any http URL when the issuer
// itself is plain http (a loopback test provider).
std::string safe_picture_url(std::string_view url, std::string_view issuer);

}  // namespace parley::server::auth
