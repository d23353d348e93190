// parleyd's outgoing HTTP(S): discovery, JWKS, token and userinfo calls to identity
// providers. Bounded on purpose: a slow or hostile provider must not hold the server's
// one thread for long nor fill its memory.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace parley::server::auth {

// A provider answers in well under a second; five leaves room for a slow network while
// bounding how long one login can stall the event loop (these calls are synchronous).
inline constexpr std::chrono::seconds kProviderTimeout{5};
// Discovery documents and JWKS are a few KB; token and userinfo answers smaller still.
inline constexpr std::size_t kMaxProviderResponseBytes = 256 * 1024;

struct HttpResult {
  long status = 0;    // 0 when no answer arrived (then `error` says why)
  std::string body;   // at most kMaxProviderResponseBytes
  std::string error;  // transport failure, for logs; never contains secrets
};

using FormFields = std::vector<std::pair<std::string, std::string>>;

// GET `url`; `bearer` (if not empty) goes in an Authorization header.
HttpResult http_get(const std::string& url, const std::string& bearer = {});
// Client credentials sent as HTTP Basic authentication.
struct BasicAuth {
  std::string user;
  std::string password;
};

// POST an application/x-www-form-urlencoded body, with Basic authentication if `basic`.
HttpResult http_post_form(const std::string& url, const FormFields& fields,
                          const BasicAuth* basic = nullptr);

// Percent-encodes for a query string or form body (RFC 3986 unreserved kept).
std::string form_encode(const FormFields& fields);

}  // namespace parley::server::auth
