// Session tokens: what the login popup hands to the widget and the widget sends back as
// `Authorization: Bearer <token>`. A token is base64url(JSON claims) "." base64url(
// HMAC-SHA256(secret, first part)); it expires, and its session id can be revoked.
// It names the reader; it holds nothing the reader may not see (no provider tokens).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::server::auth {

// A bearer header is small; anything longer is not ours and is refused unparsed.
inline constexpr std::size_t kMaxTokenChars = 2048;

struct Identity {
  std::string session;       // random session id (revocation key)
  std::string site;          // the token is only good for this site
  std::string provider;      // provider id, as configured for the site
  std::string subject;       // the provider's stable user id ("sub")
  std::string name;          // display name
  std::string avatar;        // https URL of the provider's avatar, or ""
  std::int64_t expires = 0;  // Unix seconds
};

std::string sign_token(const Identity& id, std::string_view secret);

enum class TokenProblem { none, malformed, bad_signature, expired, wrong_site };

struct TokenCheck {
  TokenProblem problem = TokenProblem::none;
  Identity identity;  // valid only when problem == none
};

// Checks signature, expiry and site; not revocation (that needs the session store).
TokenCheck verify_token(std::string_view token, std::string_view secret, std::string_view site,
                        std::int64_t now);

}  // namespace parley::server::auth
