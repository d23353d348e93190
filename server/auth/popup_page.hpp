// The page the login popup lands on after the provider (GET /auth/callback), and its
// script. The page carries the outcome in data-parley-* attributes; the script (a file,
// so a strict CSP without 'unsafe-inline' holds) posts it to the opener at exactly the
// site origin recorded when the login started, then closes the popup.
#pragma once

#include <string>
#include <string_view>

namespace parley::server::auth {

struct PopupResult {
  std::string origin;   // target origin for postMessage; "" = tell nobody, show the text
  std::string token;    // the session token, or "" on failure
  std::string message;  // what went wrong, for the reader; "" on success
};

std::string popup_page(const PopupResult& result);
std::string_view popup_script();
// The Content-Security-Policy of the popup page: nothing but our own script.
inline constexpr std::string_view kPopupCsp =
    "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

}  // namespace parley::server::auth
