#include "auth/login_config.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "auth/secret_rules.hpp"
#include "core/host.hpp"
#include "util/json_read.hpp"

namespace parley::server::auth {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::runtime_error(where + ": " + what);
}

template <typename T>
void read(const json& obj, const char* key, T& out, const std::string& where) {
  read_member<std::runtime_error>(obj, key, out, where);
}

bool valid_provider_id(std::string_view id) {
  constexpr std::size_t kMaxProviderIdChars = 32;  // a short slug, it travels in URLs
  if (id.empty() || id.size() > kMaxProviderIdChars) return false;
  for (const char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// true, or {"name": "http://127.0.0.1:<port>"} (auth/login_config.hpp TestInstances).
TestInstances read_test_instances(const json& j, const std::string& where) {
  TestInstances out;
  if (j.is_boolean()) {
    out.loopback = j.get<bool>();
    return out;
  }
  if (!j.is_object()) fail(where, "\"test_instances\" must be true or map names to URLs");
  for (const auto& item : j.items()) {
    const json& url = item.value();
    const bool loopback_url =
        url.is_string() && (url.get<std::string>().starts_with("http://127.0.0.1:") ||
                            url.get<std::string>().starts_with("http://localhost:"));
    if (!parley::is_dns_name(item.key()) || !loopback_url) {
      fail(where, "\"test_instances\" maps names like social.test to http://127.0.0.1:<port>");
    }
    out.named.emplace(item.key(), url.get<std::string>());
  }
  return out;
}

ProviderConfig read_provider(const json& j, const std::string& where) {
  if (!j.is_object()) fail(where, "each provider must be an object");
  ProviderConfig p;
  std::string preset_name;
  read(j, "preset", preset_name, where);
  if (!preset_name.empty()) {
    const ProviderPreset* preset = find_preset(preset_name);
    if (!preset) fail(where, "unknown provider preset \"" + preset_name + "\"");
    p = {std::string(preset->id),
         std::string(preset->name),
         preset->kind,
         std::string(preset->issuer),
         std::string(preset->authorization_endpoint),
         std::string(preset->token_endpoint),
         std::string(preset->userinfo_endpoint),
         {},
         {},
         preset->scopes,
         preset->claims,
         preset->basic_auth};
    p.icon = std::string(preset->id);
  }
  read(j, "id", p.id, where);
  read(j, "name", p.name, where);
  read(j, "issuer", p.issuer, where);
  read(j, "authorization_endpoint", p.authorization_endpoint, where);
  read(j, "token_endpoint", p.token_endpoint, where);
  read(j, "userinfo_endpoint", p.userinfo_endpoint, where);
  read(j, "client_id", p.client_id, where);
  read(j, "client_secret", p.client_secret, where);
  read(j, "scopes", p.scopes, where);
  read(j, "icon", p.icon, where);
  std::string token_auth = p.basic_auth ? "basic" : "post";
  read(j, "token_auth", token_auth, where);
  if (token_auth != "basic" && token_auth != "post") {
    fail(where, "\"token_auth\" must be \"basic\" or \"post\"");
  }
  p.basic_auth = token_auth == "basic";
  if (const auto t = j.find("test_instances"); t != j.end()) {
    p.test_instances = read_test_instances(*t, where);
  }
  if (const auto c = j.find("claims"); c != j.end()) {
    if (!c->is_object()) fail(where, "\"claims\" must be an object");
    read(*c, "id", p.claims.id, where);
    read(*c, "name", p.claims.name, where);
    read(*c, "fallback_name", p.claims.fallback_name, where);
    read(*c, "avatar", p.claims.avatar, where);
  }
  // Without an issuer but with endpoints, the provider is plain OAuth 2.
  if (p.issuer.empty() && !p.authorization_endpoint.empty()) p.kind = ProviderKind::oauth2;
  if (!valid_provider_id(p.id)) fail(where, "provider id \"" + p.id + "\" must be [a-z0-9-]{1,32}");
  if (p.name.empty()) p.name = p.id;
  if (p.icon.empty() && p.kind == ProviderKind::mastodon) p.icon = "mastodon";
  if (!p.icon.empty() && !valid_provider_id(p.icon)) {
    fail(where, "provider \"" + p.id + "\": \"icon\" must be [a-z0-9-]{1,32}");
  }
  const auto is_url = [](const std::string& u) {
    return u.starts_with("https://") || u.starts_with("http://");
  };
  if (p.kind == ProviderKind::oidc && !is_url(p.issuer)) {
    fail(where, "provider \"" + p.id + "\" needs an http(s) \"issuer\"");
  }
  if (p.kind == ProviderKind::oauth2 &&
      !(is_url(p.authorization_endpoint) && is_url(p.token_endpoint) &&
        is_url(p.userinfo_endpoint))) {
    fail(where, "OAuth 2 provider \"" + p.id +
                    "\" needs authorization_endpoint, token_endpoint and userinfo_endpoint");
  }
  // Mastodon's client id comes from registering on each reader's instance.
  if (p.client_id.empty() && p.kind != ProviderKind::mastodon) {
    fail(where, "provider \"" + p.id + "\" needs a \"client_id\"");
  }
  return p;
}

GuestMode read_guest_mode(const json& j, const std::string& where) {
  std::string mode(guest_mode_name(kDefaultGuestMode));
  read(j, "guests", mode, where);
  if (const auto known = guest_mode_from_name(mode)) return *known;
  fail(where, "\"guests\" must be \"allowed\", \"required-fields\" or \"disabled\"");
}

}  // namespace

const ProviderConfig* SiteLogin::find(std::string_view provider) const {
  for (const ProviderConfig& p : providers) {
    if (p.id == provider) return &p;
  }
  return nullptr;
}

const SiteLogin* LoginConfig::site(std::string_view id) const {
  for (const SiteLogin& s : sites) {
    if (s.site == id) return &s;
  }
  return nullptr;
}

bool LoginConfig::any_provider() const {
  for (const SiteLogin& s : sites) {
    if (!s.providers.empty()) return true;
  }
  return false;
}

bool LoginConfig::any_test_instances() const {
  for (const SiteLogin& s : sites) {
    for (const ProviderConfig& p : s.providers) {
      if (p.any_test_instances()) return true;
    }
  }
  return false;
}

LoginConfig read_login_config(const json& j, const std::string& where) {
  const std::string at = where + ": \"login\"";
  if (!j.is_object()) fail(at, "must be an object");
  LoginConfig c;
  read(j, "secret", c.secret, at);
  read(j, "public_url", c.public_url, at);
  std::int64_t days = c.session_seconds / (24 * 3600);
  read(j, "session_days", days, at);
  constexpr std::int64_t kMaxSessionDays = 365;  // a year: past that, ask again
  if (days < 1 || days > kMaxSessionDays) fail(at, "\"session_days\" must be 1 to 365");
  c.session_seconds = days * 24 * 3600;
  read(j, "pending_login_seconds", c.pending_seconds, at);
  if (c.pending_seconds < 1 || c.pending_seconds > kPendingLoginSeconds) {
    fail(at, "\"pending_login_seconds\" must be 1 to " + std::to_string(kPendingLoginSeconds));
  }
  if (const auto sites = j.find("sites"); sites != j.end()) {
    if (!sites->is_object()) fail(at, "\"sites\" must map site ids to objects");
    for (const auto& [id, s] : sites->items()) {
      const std::string site_at = at + " site \"" + id + "\"";
      if (!s.is_object()) fail(site_at, "must be an object");
      SiteLogin site{id, read_guest_mode(s, site_at), {}};
      if (const auto ps = s.find("providers"); ps != s.end()) {
        if (!ps->is_array()) fail(site_at, "\"providers\" must be an array");
        for (const json& p : *ps) {
          site.providers.push_back(read_provider(p, site_at));
          if (site.find(site.providers.back().id) != &site.providers.back()) {
            fail(site_at, "provider \"" + site.providers.back().id + "\" is listed twice");
          }
        }
      }
      c.sites.push_back(std::move(site));
    }
  }
  return c;
}

std::string check_login_config(const LoginConfig& login, bool demo) {
  // A configured secret also salts the like address digests, so it is checked even
  // when no provider is offered yet.
  if (!demo && login.any_test_instances()) {
    return "\"test_instances\" lets readers log in with loopback http servers: it is for "
           "tests and the demo only (demo mode)";
  }
  if (demo || (login.sites.empty() && login.secret.empty())) return {};
  const std::string problem = secret_problem(login.secret);
  if (problem.empty()) return {};
  return "\"login\": {\"secret\"} " + problem + ". Use a random secret of at least " +
         std::to_string(kMinSecretBytes) +
         " characters (e.g. openssl rand -base64 48); only demo mode may run without one";
}

}  // namespace parley::server::auth
