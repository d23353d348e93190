#include "auth/mastodon.hpp"

#include <nlohmann/json.hpp>

#include "auth/http_client.hpp"
#include "core/host.hpp"
#include "util/text.hpp"

namespace parley::server::auth {
namespace {

using nlohmann::json;

constexpr long kHttpOk = 200;
constexpr long kHttpNotFound = 404;
constexpr long kFirstServerError = 500;
// Mastodon's client ids and secrets are 43 characters; anything far longer is not one.
constexpr std::size_t kMaxClientFieldChars = 512;
// Account ids are decimal snowflakes (under 20 digits), usernames at most 30 characters;
// an instance sending more is not one to trust with a byline.
constexpr std::size_t kMaxAccountFieldChars = 64;

std::string string_member(const json& j, const char* key) {
  if (!j.is_object()) return {};
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool usable_client_field(const std::string& s) {
  return !s.empty() && s.size() <= kMaxClientFieldChars;
}

// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
std::string truncate_utf8(std::string s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  s.resize(n);
  return s;
}

bool all_digits(std::string_view s) {
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// Loopback http servers the tests and the demo start; only with "test_instances".
Reach reach_of(const MastodonInstance& instance) {
  return instance.loopback ? Reach::any : Reach::public_only;
}

bool is_loopback_with_port(std::string_view host) {
  std::string_view name = host;
  if (name.find(':') == std::string_view::npos || !strip_port(name)) return false;
  return name == "127.0.0.1" || name == "localhost";
}

}  // namespace

std::optional<MastodonInstance> parse_instance(std::string_view typed, const TestInstances& test,
                                               std::string& problem) {
  problem = "Please enter the name of your Mastodon server, like mastodon.social.";
  if (typed.size() > kMaxInstanceInputChars) return std::nullopt;
  std::string s = to_lower(trim(typed));
  for (const std::string_view scheme : {"https://", "http://"}) {
    if (s.starts_with(scheme)) s.erase(0, scheme.size());
  }
  while (s.ends_with('/')) s.pop_back();
  // A handle (@user@host or user@host) names its instance after the last '@'.
  if (const auto at = s.rfind('@'); at != std::string::npos) s.erase(0, at + 1);
  if (s.empty()) return std::nullopt;
  if (test.loopback && is_loopback_with_port(s)) {
    problem.clear();
    return MastodonInstance{s, "http://" + s, true};
  }
  if (const auto it = test.named.find(s); it != test.named.end()) {
    problem.clear();
    return MastodonInstance{s, it->second, true};
  }
  // A DNS name only: no port, no IP address (all-digit last label), no *.localhost.
  const std::string_view host = s;
  const std::string_view tld = host.substr(host.rfind('.') + 1);
  if (!is_dns_name(host) || all_digits(tld) || host.ends_with(".localhost")) return std::nullopt;
  problem.clear();
  return MastodonInstance{s, "https://" + s, false};
}

std::optional<MastodonApp> MastodonClient::app(const MastodonInstance& instance,
                                               const std::string& redirect_uri,
                                               const std::string& website, std::int64_t now,
                                               LoginFailure& failure) {
  const std::string key = instance.host + ' ' + redirect_uri;
  {
    const std::lock_guard lock(mutex_);
    if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
    if (auto stored = store_.find(instance.host, redirect_uri)) {
      if (cache_.size() >= kMaxCachedMastodonApps) cache_.clear();
      cache_.emplace(key, *stored);
      return stored;
    }
  }
  // Unlocked while the instance answers. Two first logins from one instance at once may
  // both register; the later registration wins the store, and each login keeps the app
  // it started with (LoginService's pending login holds it), so both still work.
  auto registered = register_app(instance, redirect_uri, website, failure);
  if (!registered) return std::nullopt;
  const std::lock_guard lock(mutex_);
  store_.save(instance.host, redirect_uri, *registered, now);
  if (cache_.size() >= kMaxCachedMastodonApps) cache_.clear();
  cache_.insert_or_assign(key, *registered);
  return registered;
}

std::optional<MastodonApp> MastodonClient::register_app(const MastodonInstance& instance,
                                                        const std::string& redirect_uri,
                                                        const std::string& website,
                                                        LoginFailure& failure) {
  const HttpResult r = http_post_form(instance.base_url + "/api/v1/apps",
                                      {{"client_name", "Parley comments"},
                                       {"redirect_uris", redirect_uri},
                                       {"scopes", std::string(kMastodonScopes)},
                                       {"website", website}},
                                      nullptr, reach_of(instance));
  const std::string& host = instance.host;
  const std::string status = std::to_string(r.status);
  if (r.status == 0 || r.status >= kFirstServerError) {
    failure = {host + " could not be reached. Check the name of your server, or try again later.",
               "Mastodon app registration at " + host + ": " +
                   (r.status == 0 ? r.error : "HTTP " + status)};
    return std::nullopt;
  }
  const json answer = json::parse(r.body, nullptr, false);
  MastodonApp app{string_member(answer, "client_id"), string_member(answer, "client_secret")};
  if (r.status == kHttpOk && usable_client_field(app.client_id) &&
      usable_client_field(app.client_secret)) {
    return app;
  }
  if (r.status == kHttpOk || r.status == kHttpNotFound || !answer.is_object()) {
    failure = {host + " does not seem to be a Mastodon server, so you cannot log in with it here.",
               "Mastodon app registration at " + host + ": HTTP " + status +
                   ", no client credentials in the answer"};
    return std::nullopt;
  }
  failure = {host + " refused to register this site (HTTP " + status +
                 "), so you cannot log in with it here. Please choose another way to log in.",
             "Mastodon app registration at " + host + " refused: HTTP " + status};
  return std::nullopt;
}

std::optional<MastodonAccount> MastodonClient::account(
    const MastodonInstance& instance, const MastodonApp& app, const std::string& code,
    const std::string& redirect_uri, const std::string& verifier, LoginFailure& failure) {
  const std::string& host = instance.host;
  const HttpResult t = http_post_form(instance.base_url + "/oauth/token",
                                      {{"grant_type", "authorization_code"},
                                       {"code", code},
                                       {"client_id", app.client_id},
                                       {"client_secret", app.client_secret},
                                       {"redirect_uri", redirect_uri},
                                       {"code_verifier", verifier},
                                       {"scope", std::string(kMastodonScopes)}},
                                      nullptr, reach_of(instance));
  const json token = json::parse(t.body, nullptr, false);
  const std::string access_token = string_member(token, "access_token");
  if (t.status != kHttpOk || access_token.empty()) {
    failure = {host + " did not accept this login. Please try again.",
               "Mastodon token endpoint of " + host + " answered " + std::to_string(t.status) +
                   (t.error.empty() ? "" : " " + t.error)};
    return std::nullopt;
  }
  const HttpResult u = http_get(instance.base_url + "/api/v1/accounts/verify_credentials",
                                access_token, reach_of(instance));
  const json me = json::parse(u.body, nullptr, false);
  const std::string id = string_member(me, "id");
  const std::string username = string_member(me, "username");
  if (u.status != kHttpOk || id.empty() || username.empty() || id.size() > kMaxAccountFieldChars ||
      username.size() > kMaxAccountFieldChars) {
    failure = {host + " did not say who you are. Please try again.",
               "verify_credentials of " + host + " answered " + std::to_string(u.status) +
                   (u.error.empty() ? "" : " " + u.error)};
    return std::nullopt;
  }
  // The handle is always shown: anyone can run an instance and pick any display name,
  // so "Ada (ada@mastodon.social)" and "Ada (ada@evil.example)" must look different.
  const std::string handle = username + '@' + host;
  const std::string display = truncate_utf8(std::string(trim(string_member(me, "display_name"))),
                                            kMaxMastodonDisplayNameChars);
  return MastodonAccount{id + '@' + host, display.empty() ? handle : display + " (" + handle + ')',
                         safe_picture_url(string_member(me, "avatar"), instance.base_url)};
}

}  // namespace parley::server::auth
