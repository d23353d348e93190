// The page a Mastodon login popup opens on when the widget did not say which instance
// the reader is on: one field, "Your Mastodon server", submitted back to /auth/start
// with the same site, provider and origin. A typo is answered with this page again and
// the message next to the field.
#pragma once

#include <string>
#include <string_view>

namespace parley::server::auth {

struct InstanceForm {
  std::string site;
  std::string provider;
  std::string origin;
  std::string typed;    // what the reader typed before, kept in the field
  std::string message;  // why it was not accepted, or ""
};

std::string instance_form_page(const InstanceForm& form);
// No script at all; the form posts (GET) to parleyd itself, which then redirects to the
// instance, so form-action is left open (Chromium applies it to that redirect too).
inline constexpr std::string_view kInstanceFormCsp =
    "default-src 'none'; base-uri 'none'; frame-ancestors 'none'";

}  // namespace parley::server::auth
