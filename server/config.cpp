#include "config.hpp"

#include <algorithm>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "core/limits.hpp"
#include "core/proof_of_work.hpp"
#include "service/moderation.hpp"
#include "util/json_read.hpp"

namespace parley::server {
namespace {

using nlohmann::json;

template <typename T>
void read(const json& obj, const char* key, T& out, const std::string& where) {
  read_member<ConfigError>(obj, key, out, where);
}

Site read_site(const json& j, const std::string& where) {
  if (!j.is_object()) throw ConfigError(where + ": each site must be an object");
  Site site;
  read(j, "id", site.id, where);
  read(j, "title", site.title, where);
  read(j, "origins", site.origins, where);
  read(j, "likes_require_login", site.likes_require_login, where);
  read(j, "moderation", site.moderation, where);
  return site;
}

bool well_formed_origin(const std::string& origin) {
  // scheme://host[:port] with no path: what browsers put in the Origin header.
  const auto scheme_end = origin.find("://");
  if (origin.rfind("http://", 0) != 0 && origin.rfind("https://", 0) != 0) return false;
  const std::string rest = origin.substr(scheme_end + 3);
  return !rest.empty() && rest.find('/') == std::string::npos && !origin.ends_with(':');
}

spam::SpamConfig read_spam(const json& j, spam::SpamConfig s, const std::string& where) {
  if (!j.is_object()) throw ConfigError(where + ": \"spam\" must be an object");
  read(j, "honeypot", s.honeypot, where);
  read(j, "min_form_seconds", s.min_form_seconds, where);
  read(j, "identity_posts_per_minute", s.identity_posts_per_minute, where);
  read(j, "duplicate_hours", s.duplicate_hours, where);
  read(j, "max_links", s.max_links, where);
  read(j, "blocked_words", s.blocked_words, where);
  if (const auto a = j.find("akismet"); a != j.end()) {
    if (!a->is_object()) throw ConfigError(where + ": \"spam.akismet\" must be an object");
    read(*a, "key", s.akismet.key, where);
    read(*a, "url", s.akismet.url, where);
    read(*a, "timeout_ms", s.akismet.timeout_ms, where);
  }
  if (const auto p = j.find("pow"); p != j.end()) {
    if (!p->is_object()) throw ConfigError(where + ": \"spam.pow\" must be an object");
    read(*p, "bits", s.pow.bits, where);
    read(*p, "max_bits", s.pow.max_bits, where);
    read(*p, "challenge_seconds", s.pow.challenge_seconds, where);
  }
  return s;
}

void check_spam(const spam::SpamConfig& s) {
  if (s.min_form_seconds < 0 || s.min_form_seconds > 3600) {
    throw ConfigError("spam.min_form_seconds must be 0 to 3600");
  }
  if (s.identity_posts_per_minute < 0) {
    throw ConfigError("spam.identity_posts_per_minute must be 0 or more");
  }
  if (s.duplicate_hours < 0 || s.duplicate_hours > 24 * 365) {
    throw ConfigError("spam.duplicate_hours must be 0 to 8760");
  }
  if (s.max_links < -1) throw ConfigError("spam.max_links must be -1 (no limit) or more");
  if (s.blocked_words.size() > spam::kMaxBlockedWords) {
    throw ConfigError("spam.blocked_words may list at most " +
                      std::to_string(spam::kMaxBlockedWords) + " words");
  }
  if (s.akismet.timeout_ms < 1 || s.akismet.timeout_ms > spam::kMaxAkismetTimeoutMs) {
    throw ConfigError("spam.akismet.timeout_ms must be 1 to " +
                      std::to_string(spam::kMaxAkismetTimeoutMs));
  }
  if (!s.akismet.url.starts_with("https://") && !s.akismet.url.starts_with("http://")) {
    throw ConfigError("spam.akismet.url must start with https://");
  }
  if (s.pow.bits < 0 || s.pow.bits > parley::pow::kMaxBits) {
    throw ConfigError("spam.pow.bits must be 0 (off) to " + std::to_string(parley::pow::kMaxBits));
  }
  if (s.pow.max_bits < s.pow.bits || s.pow.max_bits > parley::pow::kMaxBits) {
    throw ConfigError("spam.pow.max_bits must be spam.pow.bits to " +
                      std::to_string(parley::pow::kMaxBits));
  }
  if (s.pow.challenge_seconds < 1 || s.pow.challenge_seconds > spam::kMaxChallengeSeconds) {
    throw ConfigError("spam.pow.challenge_seconds must be 1 to " +
                      std::to_string(spam::kMaxChallengeSeconds));
  }
  for (const std::string& w : s.blocked_words) {
    if (w.empty() || w.size() > spam::kMaxBlockedWordBytes) {
      throw ConfigError("spam.blocked_words: each must be 1 to " +
                        std::to_string(spam::kMaxBlockedWordBytes) + " bytes");
    }
  }
}

}  // namespace

Config load_config_file(const std::string& path, Config base) {
  std::ifstream in(path);
  if (!in) throw ConfigError(path + ": cannot be read");
  const json j = json::parse(in, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (j.is_discarded() || !j.is_object()) {
    throw ConfigError(path + ": not a JSON object");
  }
  Config c = std::move(base);
  read(j, "listen", c.listen, path);
  std::int64_t port = c.port;
  read(j, "port", port, path);
  if (port < 0 || port > 65535) throw ConfigError(path + ": \"port\" must be 0 to 65535");
  c.port = static_cast<std::uint16_t>(port);
  read(j, "store", c.store, path);
  read(j, "db", c.db, path);
  read(j, "postgres", c.postgres, path);
  read(j, "assets", c.assets, path);
  read(j, "public_url", c.public_url, path);
  read(j, "log_requests", c.log_requests, path);
  read(j, "edit_window_seconds", c.edit_window_seconds, path);
  if (c.edit_window_seconds < 0 || c.edit_window_seconds > limits::kMaxEditWindowSeconds) {
    throw ConfigError(path + ": \"edit_window_seconds\" must be 0 to " +
                      std::to_string(limits::kMaxEditWindowSeconds));
  }
  read(j, "demo", c.demo, path);
  read(j, "nodeinfo_test_insecure", c.nodeinfo_test_insecure, path);
  if (const auto login = j.find("login"); login != j.end()) {
    try {
      c.login = auth::read_login_config(*login, path);
    } catch (const std::runtime_error& e) {
      throw ConfigError(e.what());
    }
  }
  if (const auto notify = j.find("notify"); notify != j.end()) {
    try {
      c.notify = notify::read_notify_config(*notify, path);
    } catch (const std::runtime_error& e) {
      throw ConfigError(e.what());
    }
  }
  if (const auto sites = j.find("sites"); sites != j.end()) {
    if (!sites->is_array()) throw ConfigError(path + ": \"sites\" must be an array");
    c.sites.clear();
    for (const json& s : *sites) c.sites.push_back(read_site(s, path));
  }
  if (const auto s = j.find("spam"); s != j.end()) c.spam = read_spam(*s, c.spam, path);
  if (const auto p = j.find("privacy"); p != j.end()) {
    if (!p->is_object()) throw ConfigError(path + ": \"privacy\" must be an object");
    std::int64_t days = -1;
    read(*p, "ip_hash_days", days, path);
    if (days != -1) {
      if (days < 0 || days > privacy::kMaxIpHashDays) {
        throw ConfigError(path + ": \"privacy.ip_hash_days\" must be 0 to " +
                          std::to_string(privacy::kMaxIpHashDays));
      }
      c.privacy.ip_hash_seconds = days * privacy::kSecondsPerDay;
    }
  }
  if (const auto rl = j.find("rate_limit"); rl != j.end()) {
    if (!rl->is_object()) throw ConfigError(path + ": \"rate_limit\" must be an object");
    read(*rl, "posts_per_minute", c.rate_limit.posts_per_minute, path);
    read(*rl, "requests_per_minute", c.rate_limit.requests_per_minute, path);
    read(*rl, "likes_per_minute", c.rate_limit.likes_per_minute, path);
    read(*rl, "share_clicks_per_minute", c.rate_limit.share_clicks_per_minute, path);
    read(*rl, "nodeinfo_per_minute", c.rate_limit.nodeinfo_per_minute, path);
    read(*rl, "admin_logins_per_minute", c.rate_limit.admin_logins_per_minute, path);
  }
  return c;
}

void check_config(const Config& config) {
  if (config.sites.empty()) {
    throw ConfigError("no sites configured: add \"sites\" to the config or pass --site");
  }
  if (const std::string problem = auth::check_login_config(config.login, config.demo);
      !problem.empty()) {
    throw ConfigError(problem);
  }
  for (const auth::SiteLogin& login : config.login.sites) {
    const bool known = std::any_of(config.sites.begin(), config.sites.end(),
                                   [&](const Site& s) { return s.id == login.site; });
    if (!known) {
      throw ConfigError("\"login\" names site \"" + login.site + "\", which is not served");
    }
  }
  if (const std::string problem = notify::check_notify_config(config.notify); !problem.empty()) {
    throw ConfigError(problem);
  }
  std::set<std::string> ids;
  for (const Site& site : config.sites) {
    if (site.id.empty() || site.id.size() > parley::limits::kMaxSiteIdChars) {
      throw ConfigError("site id \"" + site.id + "\" must be 1 to " +
                        std::to_string(parley::limits::kMaxSiteIdChars) + " characters");
    }
    if (!ids.insert(site.id).second) throw ConfigError("site \"" + site.id + "\" is listed twice");
    if (!is_moderation_mode(site.moderation)) {
      throw ConfigError("site \"" + site.id + "\": moderation must be none, first or all");
    }
    for (const std::string& origin : site.origins) {
      if (!well_formed_origin(origin)) {
        throw ConfigError("site \"" + site.id + "\": origin \"" + origin +
                          "\" must look like https://host[:port], without a path");
      }
    }
  }
  check_spam(config.spam);
  if (config.store == "sqlite") {
    if (config.db.empty()) throw ConfigError("db must name a file");
  } else if (config.store == "postgres") {
    if (config.postgres.empty()) {
      throw ConfigError("store \"postgres\" needs a connection string: \"postgres\" or --pg");
    }
  } else {
    throw ConfigError("store must be \"sqlite\" or \"postgres\", not \"" + config.store + "\"");
  }
}

}  // namespace parley::server
