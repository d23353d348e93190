// Delivers one outbox item through libcurl: a mail over SMTP (STARTTLS, implicit TLS,
// or plain to a loopback relay) or a webhook POST. Blocking and bounded by timeouts;
// only the outbox sender thread calls these, never a request.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "notify/notify_config.hpp"

namespace parley::server::notify {

// A mail server answers each SMTP step in well under a second; a minute covers a slow
// one and a large message while a dead one cannot stall the outbox for long.
inline constexpr std::chrono::seconds kSmtpTimeout{60};
// A chat webhook answers at once; a slow endpoint is retried later.
inline constexpr std::chrono::seconds kWebhookTimeout{15};

struct Delivery {
  bool ok = false;
  std::string error;  // for the log: libcurl's reason or the HTTP status; never secrets
};

Delivery send_mail(const SmtpConfig& smtp, std::string_view to, std::string_view message);
// POSTs `json` with Content-Type application/json and
// X-Parley-Signature: sha256=<hex HMAC-SHA256 of the body keyed by `secret`>.
Delivery post_webhook(std::string_view url, std::string_view json, std::string_view secret);

// "sha256=<hex>": the X-Parley-Signature value for a body.
std::string webhook_signature(std::string_view secret, std::string_view body);

}  // namespace parley::server::notify
