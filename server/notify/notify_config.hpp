// The "notify" member of parleyd's config (docs/notifications.md): how mail leaves
// (SMTP through libcurl), who the owner is, which webhooks hear of new comments, and
// how the outbox retries.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace parley::server::notify {

struct SmtpConfig {
  std::string host;  // "" turns mail off (webhooks still work)
  int port = 587;
  // "starttls" (port 587: plain connection upgraded, TLS required), "implicit" (port
  // 465, smtps) or "none" (a relay on loopback only; never across a network).
  std::string tls = "starttls";
  std::string user;      // "" for a relay without authentication
  std::string password;  // never logged
  std::string from;      // the From address: "comments@blog.example"
  std::string from_name = "Parley";
};

struct NotifyConfig {
  SmtpConfig smtp;
  // Where mail about new and held comments goes ("" for none), with approve and
  // delete links valid for `link_days`.
  std::string owner_email;
  int link_days = 7;
  // JSON POSTs about new comments, signed with `webhook_secret` (X-Parley-Signature).
  std::vector<std::string> webhooks;
  std::string webhook_secret;
  // The outbox: a failed delivery is tried again after retry_seconds, doubling each
  // time (capped at a day), at most max_attempts times in all.
  int retry_seconds = 60;
  int max_attempts = 10;

  bool mail_enabled() const { return !smtp.host.empty(); }
  bool enabled() const { return mail_enabled() || !webhooks.empty(); }
};

// Reads the "notify" object; throws std::runtime_error naming `where` and the member.
NotifyConfig read_notify_config(const nlohmann::json& j, const std::string& where);

// What a config cannot say by type: "" when fine, else the problem.
std::string check_notify_config(const NotifyConfig& config);

}  // namespace parley::server::notify
