// Login configuration: the server secret that signs session tokens, the public URL
// providers redirect back to, and per site the guest mode and the identity providers
// offered. Read from the "login" member of the config file (docs/login.md).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "auth/presets.hpp"
#include "core/guest_mode.hpp"

namespace parley::server::auth {

// How long a reader stays logged in: a month, like the comment forms Parley replaces.
inline constexpr std::int64_t kDefaultSessionSeconds = 30LL * 24 * 3600;
// How long a started login may take (state, nonce and PKCE verifier are kept that long):
// long enough to type a password and pass a second factor, short enough that a state
// leaked from a browser history is soon worthless. The config may only shorten it.
inline constexpr std::int64_t kPendingLoginSeconds = 10 * 60;

// The guest modes are core's: the widget applies the same rule (core/guest_mode.hpp).
using parley::guest_mode_name;
using parley::GuestMode;

// Mastodon servers the tests and the demo run on loopback ("test_instances"; demo mode
// only, never the default).
struct TestInstances {
  bool loopback = false;  // `true`: 127.0.0.1:<port> and localhost:<port> as typed
  // `{"social.test": "http://127.0.0.1:4567"}`: a DNS-shaped name (what the widget
  // accepts) served by a loopback server; the reader is shown as user@social.test.
  std::map<std::string, std::string, std::less<>> named;
  bool any() const { return loopback || !named.empty(); }
};

struct ProviderConfig {
  std::string id;    // in URLs and tokens: [a-z0-9-], unique per site
  std::string name;  // what readers see: "Connecting to <name>…"
  ProviderKind kind = ProviderKind::oidc;
  std::string issuer;                  // oidc: issuer URL; discovery is <issuer>/.well-known/...
  std::string authorization_endpoint;  // oauth2 (oidc: from discovery)
  std::string token_endpoint;          // oauth2
  std::string userinfo_endpoint;       // oauth2: the profile of the token's owner
  std::string client_id;
  std::string client_secret;  // never logged, never sent to a browser
  std::vector<std::string> scopes{"openid", "profile"};
  ClaimMap claims;          // oauth2: where id, name and avatar sit in the profile
  bool basic_auth = false;  // "token_auth": "basic" (else "post", the default)
  // mastodon: also accept loopback http instances. Refused outside demo mode.
  TestInstances test_instances{};
  // The mark readers see on its button (core/login_icons.hpp): the preset's id unless the
  // config says "icon"; "" (any other issuer) shows the OpenID mark.
  std::string icon{};

  bool any_test_instances() const { return kind == ProviderKind::mastodon && test_instances.any(); }
};

struct SiteLogin {
  std::string site;
  GuestMode guests = kDefaultGuestMode;
  std::vector<ProviderConfig> providers;

  const ProviderConfig* find(std::string_view provider) const;
};

struct LoginConfig {
  std::string secret;
  std::string public_url;  // e.g. https://comments.example; default: the listening address
  std::int64_t session_seconds = kDefaultSessionSeconds;
  std::int64_t pending_seconds = kPendingLoginSeconds;  // "pending_login_seconds"
  std::vector<SiteLogin> sites;

  const SiteLogin* site(std::string_view id) const;
  bool any_provider() const;
  bool any_test_instances() const;
};

// Reads the "login" object; throws std::runtime_error naming `where` and the member.
LoginConfig read_login_config(const nlohmann::json& j, const std::string& where);

// Refuses a missing or weak secret (auth/secret_rules.hpp) outside demo mode, whenever
// login is configured or a secret is given. Returns the problem or "".
std::string check_login_config(const LoginConfig& login, bool demo);

}  // namespace parley::server::auth
