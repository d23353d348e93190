// The login flow (OAuth 2 authorization code + PKCE, OpenID Connect): start sends the
// reader's popup to the provider, finish turns the provider's answer into a signed
// session token for the page, authenticate checks a bearer token on later requests.
//
// Pending logins are kept in memory, keyed by their `state`: they live minutes, a
// restart merely asks the reader to click again, and the provider's code is useless
// without the PKCE verifier kept here.
//
// start and finish call providers over the network and run on worker threads (the
// transport's provider pool, http/session.cpp), never on the thread serving other
// requests; every member is therefore safe to call from several threads at once, and
// no lock is held while a provider is being waited for.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "auth/login_config.hpp"
#include "auth/mastodon.hpp"
#include "auth/oidc.hpp"
#include "auth/session_store.hpp"
#include "auth/session_token.hpp"

namespace parley::server::auth {

// Bounds memory against a flood of unfinished logins; past it new ones are refused.
inline constexpr std::size_t kMaxPendingLogins = 10000;
// Entropy of state, nonce and session ids (bytes): 256 bits, unguessable.
inline constexpr std::size_t kRandomBytes = 32;

struct LoginOutcome {
  std::string origin;  // where the popup may post the result; "" when unknown
  std::string token;   // the session token on success
  LoginFailure failure;
  bool ok() const { return !token.empty(); }
};

// What goes into one authorization request besides the provider's own settings.
struct AuthorizationRequest {
  std::string redirect_uri;
  std::string state;
  std::string nonce;           // sent to OIDC providers only
  std::string code_challenge;  // base64url(SHA-256(verifier)), method S256
  // The reader is changing accounts: ask the provider to show its login page even when
  // it has a session (OIDC prompt=login; Mastodon force_login), so another account can be
  // chosen. Plain OAuth 2 has no standard way; those providers get nothing extra.
  bool switch_account = false;
};

// The provider's authorization URL for one popup. PKCE is sent to every provider: those
// that do not know it ignore unknown parameters (RFC 6749 §3.1).
std::string authorization_url(const std::string& endpoint, const ProviderConfig& provider,
                              const AuthorizationRequest& request);

class LoginService {
 public:
  // `secret` empty is allowed only in demo mode: a random one is made per run.
  LoginService(LoginConfig config, SessionStore& sessions, MastodonAppStore& mastodon_apps);

  const LoginConfig& config() const { return config_; }
  // The redirect URI registered with every provider: <public_url>/auth/callback.
  std::string redirect_uri() const;
  // Used when the config names no public_url: the address parleyd listens on.
  void set_default_public_url(std::string url);

  // The provider's authorization URL for this popup, or nullopt with `failure`.
  // `instance`: what the reader typed as their Mastodon server (Mastodon only);
  // `switch_account`: see AuthorizationRequest.
  std::optional<std::string> start(const SiteLogin& site, const ProviderConfig& provider,
                                   const std::string& origin, std::string_view instance,
                                   std::int64_t now, LoginFailure& failure,
                                   bool switch_account = false);
  // The provider redirected the popup back with (state, code) or (state, error).
  LoginOutcome finish(std::string_view state, std::string_view code, std::string_view error,
                      std::int64_t now);

  enum class BearerProblem { none, missing, invalid, expired, revoked };
  // Checks an Authorization header value ("Bearer <token>") for `site`.
  std::optional<Identity> authenticate(std::string_view authorization, std::string_view site,
                                       std::int64_t now, BearerProblem& problem);
  // Revokes the session of a valid token; false when it was not open.
  bool logout(const Identity& identity, std::int64_t now);

 private:
  struct Pending {
    std::string site;
    std::string provider;
    std::string origin;
    std::string nonce;
    std::string verifier;  // PKCE code_verifier; only its S256 hash went to the provider
    std::int64_t expires = 0;
    bool used = false;  // kept until expiry so a replayed callback gets a clear answer
    // Mastodon: the reader's instance and the app the authorization was asked for.
    MastodonInstance instance{};
    MastodonApp app{};
  };
  void purge(std::int64_t now);
  LoginOutcome complete(const Pending& p, std::string_view code, std::int64_t now);
  LoginOutcome complete_mastodon(const Pending& p, const ProviderConfig& provider,
                                 std::string_view code, std::int64_t now);
  LoginOutcome open_session(const Pending& p, const ProviderConfig& provider, IdTokenClaims claims,
                            std::int64_t now);
  // The reader's profile from an OAuth 2 (non-OIDC) provider's userinfo endpoint.
  std::optional<IdTokenClaims> oauth2_profile(const ProviderConfig& provider,
                                              const std::string& access_token,
                                              LoginFailure& failure);

  LoginConfig config_;
  OidcClient oidc_;
  MastodonClient mastodon_;
  std::mutex mutex_;  // guards pending_ and sessions_ (one database connection)
  SessionStore& sessions_;
  std::map<std::string, Pending, std::less<>> pending_;
};

}  // namespace parley::server::auth
