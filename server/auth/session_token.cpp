#include "auth/session_token.hpp"

#include <nlohmann/json.hpp>

#include "auth/crypto.hpp"

namespace parley::server::auth {

std::string sign_token(const Identity& id, std::string_view secret) {
  const nlohmann::json claims = {{"sid", id.session}, {"site", id.site}, {"prv", id.provider},
                                 {"sub", id.subject}, {"name", id.name}, {"pic", id.avatar},
                                 {"exp", id.expires}};
  std::string token = base64url_encode(claims.dump());
  const std::string mac = base64url_encode(hmac_sha256(secret, token));
  token += '.';
  token += mac;
  return token;
}

TokenCheck verify_token(std::string_view token, std::string_view secret, std::string_view site,
                        std::int64_t now) {
  TokenCheck check;
  const auto dot = token.find('.');
  if (token.size() > kMaxTokenChars || dot == std::string_view::npos) {
    check.problem = TokenProblem::malformed;
    return check;
  }
  const std::string_view body = token.substr(0, dot);
  const std::string expected = base64url_encode(hmac_sha256(secret, body));
  // The MAC is checked before the claims are even decoded: nothing unauthenticated is parsed.
  if (!constant_time_equal(expected, token.substr(dot + 1))) {
    check.problem = TokenProblem::bad_signature;
    return check;
  }
  const auto json_text = base64url_decode(body);
  const auto claims = json_text ? nlohmann::json::parse(*json_text, nullptr, false)
                                : nlohmann::json(nlohmann::json::value_t::discarded);
  if (!claims.is_object()) {
    check.problem = TokenProblem::malformed;
    return check;
  }
  Identity& id = check.identity;
  id.session = claims.value("sid", "");
  id.site = claims.value("site", "");
  id.provider = claims.value("prv", "");
  id.subject = claims.value("sub", "");
  id.name = claims.value("name", "");
  id.avatar = claims.value("pic", "");
  id.expires = claims.value("exp", std::int64_t{0});
  if (id.expires <= now) {
    check.problem = TokenProblem::expired;
  } else if (id.site != site) {
    check.problem = TokenProblem::wrong_site;
  }
  return check;
}

}  // namespace parley::server::auth
