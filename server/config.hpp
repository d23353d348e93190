// parleyd's configuration: a JSON file (docs/configuration.md) with command-line
// flags layered on top.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "admin/admin_limits.hpp"
#include "auth/login_config.hpp"
#include "notify/notify_config.hpp"
#include "privacy/privacy_config.hpp"
#include "server_limits.hpp"
#include "service/sites.hpp"
#include "spam/spam_config.hpp"

namespace parley::server {

inline constexpr std::string_view kVersion = "0.1.0";

struct RateLimitConfig {
  int posts_per_minute = limits::kDefaultPostsPerMinute;
  int requests_per_minute = limits::kDefaultRequestsPerMinute;
  int likes_per_minute = limits::kDefaultLikesPerMinute;
  int share_clicks_per_minute = limits::kDefaultShareClicksPerMinute;
  int nodeinfo_per_minute = limits::kDefaultNodeInfoPerMinute;
  int admin_logins_per_minute = admin::limits::kDefaultLoginsPerMinute;
};

struct Config {
  std::string listen = "127.0.0.1";
  std::uint16_t port = 8080;
  std::string store = "sqlite";  // "sqlite" (the file `db`) or "postgres" (`postgres`)
  std::string db = "data/parley.db";
  std::string postgres;  // libpq connection string: postgresql://user@host/dbname
  std::string assets = "build/dist";
  // parleyd's address as readers see it (https://comments.example), for URLs in the
  // HTML other sites include (docs/seo-nojs.md); default: login's public_url, else the
  // address bound.
  std::string public_url;
  std::vector<Site> sites;
  RateLimitConfig rate_limit;
  bool log_requests = false;
  // How long after posting a reader may edit or delete their own comment (docs/api.md);
  // 0 turns it off.
  int edit_window_seconds = limits::kDefaultEditWindowSeconds;
  // Demo and tests only: login works without a configured secret (a random one per run).
  bool demo = false;
  // Tests only: NodeInfo lookups may use plain http and reach loopback/private
  // addresses, so a fake fediverse server on 127.0.0.1 can answer. Never in production.
  bool nodeinfo_test_insecure = false;
  auth::LoginConfig login;              // the "login" member: secret, providers per site
  spam::SpamConfig spam = {};           // the "spam" member (docs/spam.md)
  notify::NotifyConfig notify = {};     // the "notify" member (docs/notifications.md)
  privacy::PrivacyConfig privacy = {};  // the "privacy" member (docs/privacy.md)
};

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Reads a config file over `base`; members absent from the file keep base's values.
// Throws ConfigError naming the file and the member at fault.
Config load_config_file(const std::string& path, Config base = {});

// Checks what a file or flags cannot express by type: at least one site, site ids
// unique and within limits, origins well-formed. Throws ConfigError.
void check_config(const Config& config);

}  // namespace parley::server
