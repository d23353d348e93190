// parleyd's outgoing HTTP(S): discovery, JWKS, token and userinfo calls to identity
// providers. Bounded on purpose: a slow or hostile provider must not hold a worker
// thread for long nor fill its memory.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace parley::server::auth {

// A provider answers in well under a second; five leaves room for a slow network while
// bounding how long one login holds a provider worker thread (these calls block).
inline constexpr std::chrono::seconds kProviderTimeout{5};
// Discovery documents and JWKS are a few KB; token and userinfo answers smaller still.
inline constexpr std::size_t kMaxProviderResponseBytes = 256 * 1024;

struct HttpResult {
  long status = 0;       // 0 when no answer arrived (then `error` says why)
  std::string body;      // at most kMaxProviderResponseBytes
  std::string error;     // transport failure, for logs; never contains secrets
  bool refused = false;  // Reach::public_only refused every address the name resolved to
};

using FormFields = std::vector<std::pair<std::string, std::string>>;

// Which addresses a request may connect to. Providers the site owner configured may be
// anywhere (an in-house OIDC issuer); servers a reader names (Mastodon instances) must be
// on the public internet (auth/public_address.hpp), whatever their name resolves to.
enum class Reach { any, public_only };

// GET `url`; `bearer` (if not empty) goes in an Authorization header.
HttpResult http_get(const std::string& url, const std::string& bearer = {},
                    Reach reach = Reach::any);
// Client credentials sent as HTTP Basic authentication.
struct BasicAuth {
  std::string user;
  std::string password;
};

// POST an application/x-www-form-urlencoded body, with Basic authentication if `basic`.
HttpResult http_post_form(const std::string& url, const FormFields& fields,
                          const BasicAuth* basic = nullptr, Reach reach = Reach::any);

// Percent-encodes for a query string or form body (RFC 3986 unreserved kept).
std::string form_encode(const FormFields& fields);

}  // namespace parley::server::auth
