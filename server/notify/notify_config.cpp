#include "notify/notify_config.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "notify/mail_message.hpp"
#include "util/json_read.hpp"

namespace parley::server::notify {
namespace {

using nlohmann::json;

template <typename T>
void read(const json& obj, const char* key, T& out, const std::string& where) {
  read_member<std::runtime_error>(obj, key, out, where);
}

}  // namespace

NotifyConfig read_notify_config(const json& j, const std::string& where) {
  const std::string at = where + ": \"notify\"";
  if (!j.is_object()) throw std::runtime_error(at + " must be an object");
  NotifyConfig c;
  if (const auto smtp = j.find("smtp"); smtp != j.end()) {
    if (!smtp->is_object()) throw std::runtime_error(at + ".smtp must be an object");
    read(*smtp, "host", c.smtp.host, at + ".smtp");
    read(*smtp, "port", c.smtp.port, at + ".smtp");
    read(*smtp, "tls", c.smtp.tls, at + ".smtp");
    read(*smtp, "user", c.smtp.user, at + ".smtp");
    read(*smtp, "password", c.smtp.password, at + ".smtp");
    read(*smtp, "from", c.smtp.from, at + ".smtp");
    read(*smtp, "from_name", c.smtp.from_name, at + ".smtp");
  }
  read(j, "owner_email", c.owner_email, at);
  read(j, "link_days", c.link_days, at);
  read(j, "webhooks", c.webhooks, at);
  read(j, "webhook_secret", c.webhook_secret, at);
  read(j, "retry_seconds", c.retry_seconds, at);
  read(j, "max_attempts", c.max_attempts, at);
  return c;
}

std::string check_notify_config(const NotifyConfig& c) {
  const std::string at = "notify: ";
  if (c.mail_enabled()) {
    if (c.smtp.port < 1 || c.smtp.port > 65535) return at + "smtp.port must be 1 to 65535";
    if (c.smtp.tls != "starttls" && c.smtp.tls != "implicit" && c.smtp.tls != "none") {
      return at + "smtp.tls must be starttls, implicit or none";
    }
    if (c.smtp.tls == "none" && !c.smtp.password.empty()) {
      return at + "smtp.tls \"none\" would send the password in the clear";
    }
    if (!is_mail_address(c.smtp.from)) return at + "smtp.from must be an email address";
    if (has_line_break(c.smtp.from_name)) return at + "smtp.from_name must be one line";
    if (c.smtp.host.find_first_of("/:@ \r\n") != std::string::npos) {
      return at + "smtp.host must be a host name or address";
    }
  }
  if (!c.owner_email.empty() && !is_mail_address(c.owner_email)) {
    return at + "owner_email must be an email address";
  }
  if (!c.owner_email.empty() && !c.mail_enabled()) return at + "owner_email needs smtp.host";
  for (const std::string& url : c.webhooks) {
    if (!url.starts_with("https://") && !url.starts_with("http://")) {
      return at + "webhook \"" + url + "\" must be an http(s) URL";
    }
  }
  if (!c.webhooks.empty() && c.webhook_secret.size() < 16) {
    return at + "webhook_secret must be at least 16 characters";
  }
  if (c.link_days < 1 || c.link_days > 60) return at + "link_days must be 1 to 60";
  if (c.retry_seconds < 1) return at + "retry_seconds must be at least 1";
  if (c.max_attempts < 1 || c.max_attempts > 50) return at + "max_attempts must be 1 to 50";
  return {};
}

}  // namespace parley::server::notify
