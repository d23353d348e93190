#include "auth/oidc.hpp"

#include "auth/crypto.hpp"
#include "auth/http_client.hpp"

namespace parley::server::auth {
namespace {

using nlohmann::json;

constexpr long kHttpOk = 200;
const LoginFailure kProviderDown{
    "The login provider could not be reached. Please try again in a moment.", ""};
const LoginFailure kBadToken{
    "The login provider's answer could not be verified, so you were not "
    "logged in. Please try again.",
    ""};

LoginFailure failure_with(const LoginFailure& base, std::string detail) {
  return {base.reader_message, std::move(detail)};
}

std::string string_member(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool audience_contains(const json& aud, const std::string& client_id) {
  if (aud.is_string()) return aud.get<std::string>() == client_id;
  if (!aud.is_array()) return false;
  for (const json& a : aud) {
    if (a.is_string() && a.get<std::string>() == client_id) return true;
  }
  return false;
}

const json* find_key(const json& jwks, const std::string& kid) {
  const auto keys = jwks.find("keys");
  if (keys == jwks.end() || !keys->is_array()) return nullptr;
  for (const json& k : *keys) {
    if (!k.is_object() || string_member(k, "kty") != "RSA") continue;
    const std::string use = string_member(k, "use");
    if (!use.empty() && use != "sig") continue;
    if (kid.empty() || string_member(k, "kid") == kid) return &k;
  }
  return nullptr;
}

}  // namespace

std::string safe_picture_url(std::string_view url, std::string_view issuer) {
  if (url.starts_with("https://")) return std::string(url);
  if (url.starts_with("http://") && issuer.starts_with("http://")) return std::string(url);
  return {};
}

std::optional<json> OidcClient::fetch_json(const std::string& url, std::int64_t now, bool refresh,
                                           LoginFailure& failure) {
  {
    const std::lock_guard lock(mutex_);
    if (auto it = cache_.find(url);
        it != cache_.end() && !refresh && now - it->second.fetched < kMetadataCacheSeconds) {
      return it->second.value;
    }
  }
  // Unlocked: other logins must not wait for this provider's answer.
  const HttpResult r = http_get(url);
  if (r.status != kHttpOk) {
    failure =
        failure_with(kProviderDown,
                     "GET " + url + ": " + (r.error.empty() ? std::to_string(r.status) : r.error));
    return std::nullopt;
  }
  json value = json::parse(r.body, nullptr, false);
  if (!value.is_object()) {
    failure = failure_with(kProviderDown, "GET " + url + ": not a JSON object");
    return std::nullopt;
  }
  const std::lock_guard lock(mutex_);
  cache_[url] = {value, now};
  return value;
}

std::optional<Discovery> OidcClient::discover(const std::string& issuer, std::int64_t now,
                                              LoginFailure& failure) {
  std::string base = issuer;
  if (base.ends_with('/')) base.pop_back();
  const auto doc = fetch_json(base + "/.well-known/openid-configuration", now, false, failure);
  if (!doc) return std::nullopt;
  Discovery d{string_member(*doc, "issuer"), string_member(*doc, "authorization_endpoint"),
              string_member(*doc, "token_endpoint"), string_member(*doc, "userinfo_endpoint"),
              string_member(*doc, "jwks_uri")};
  // OIDC Discovery §4.3: the document must name exactly the issuer it was fetched for,
  // or a compromised host could vouch for another issuer's tokens.
  if (d.issuer != issuer || d.authorization_endpoint.empty() || d.token_endpoint.empty() ||
      d.jwks_uri.empty()) {
    failure = failure_with(kProviderDown, "discovery document of " + issuer + " is incomplete " +
                                              "or names another issuer");
    return std::nullopt;
  }
  return d;
}

std::optional<IdTokenClaims> OidcClient::verify_id_token(const Discovery& d,
                                                         std::string_view id_token,
                                                         const std::string& client_id,
                                                         const std::string& nonce, std::int64_t now,
                                                         LoginFailure& failure) {
  const auto dot1 = id_token.find('.');
  const auto dot2 = dot1 == std::string_view::npos ? dot1 : id_token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos) {
    failure = failure_with(kBadToken, "ID token is not a JWS");
    return std::nullopt;
  }
  const auto header_text = base64url_decode(id_token.substr(0, dot1));
  const auto payload_text = base64url_decode(id_token.substr(dot1 + 1, dot2 - dot1 - 1));
  const auto signature = base64url_decode(id_token.substr(dot2 + 1));
  const json header = header_text ? json::parse(*header_text, nullptr, false) : json();
  const json claims = payload_text ? json::parse(*payload_text, nullptr, false) : json();
  if (!signature || !header.is_object() || !claims.is_object()) {
    failure = failure_with(kBadToken, "ID token does not decode");
    return std::nullopt;
  }
  // Only RS256: "none" and HMAC algorithms (keyed with a public key) are the classic
  // JWT forgeries, and RS256 is the one algorithm every OIDC provider must support.
  if (string_member(header, "alg") != "RS256") {
    failure = failure_with(kBadToken, "ID token alg is not RS256");
    return std::nullopt;
  }
  const std::string kid = string_member(header, "kid");
  auto jwks = fetch_json(d.jwks_uri, now, false, failure);
  const json* key = jwks ? find_key(*jwks, kid) : nullptr;
  if (jwks && !key) {  // an unknown kid: the provider may have rotated its keys
    jwks = fetch_json(d.jwks_uri, now, true, failure);
    key = jwks ? find_key(*jwks, kid) : nullptr;
  }
  if (!key) {
    if (jwks) failure = failure_with(kBadToken, "no RSA signing key with the ID token's kid");
    return std::nullopt;
  }
  const std::string_view signed_input = id_token.substr(0, dot2);
  if (!verify_rs256(string_member(*key, "n"), string_member(*key, "e"), signed_input, *signature)) {
    failure = failure_with(kBadToken, "ID token signature does not verify");
    return std::nullopt;
  }
  const auto exp = claims.find("exp");
  const bool exp_ok = exp != claims.end() && exp->is_number_integer() &&
                      exp->get<std::int64_t>() + kClockSkewSeconds > now;
  const auto aud = claims.find("aud");
  std::string problem;
  if (string_member(claims, "iss") != d.issuer)
    problem = "iss differs from the issuer";
  else if (aud == claims.end() || !audience_contains(*aud, client_id))
    problem = "aud lacks us";
  else if (!exp_ok)
    problem = "ID token expired";
  else if (!constant_time_equal(string_member(claims, "nonce"), nonce))
    problem = "nonce differs";
  else if (string_member(claims, "sub").empty())
    problem = "no sub";
  if (!problem.empty()) {
    failure = failure_with(kBadToken, problem);
    return std::nullopt;
  }
  IdTokenClaims out{string_member(claims, "sub"), string_member(claims, "name"),
                    safe_picture_url(string_member(claims, "picture"), d.issuer)};
  if (out.name.empty()) out.name = string_member(claims, "preferred_username");
  if (out.name.empty()) out.name = string_member(claims, "nickname");
  return out;
}

}  // namespace parley::server::auth
