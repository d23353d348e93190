#include "auth/login_service.hpp"

#include <iostream>

#include <nlohmann/json.hpp>

#include "auth/crypto.hpp"
#include "auth/http_client.hpp"

namespace parley::server::auth {
namespace {

using nlohmann::json;
constexpr long kHttpOk = 200;

std::string join_scopes(const std::vector<std::string>& scopes) {
  std::string out;
  for (const std::string& s : scopes) out += (out.empty() ? "" : " ") + s;
  return out;
}

LoginOutcome failed(std::string origin, std::string reader_message, std::string log_detail = {}) {
  return {std::move(origin), {}, {std::move(reader_message), std::move(log_detail)}};
}

// Provider error codes are ASCII tokens (RFC 6749 §4.1.2.1); anything else is not echoed.
bool is_error_token(std::string_view s) {
  constexpr std::size_t kMaxErrorTokenChars = 64;
  if (s.empty() || s.size() > kMaxErrorTokenChars) return false;
  for (const char c : s) {
    if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
  }
  return true;
}

}  // namespace

std::string authorization_url(const std::string& endpoint, const ProviderConfig& provider,
                              const AuthorizationRequest& r) {
  FormFields fields{{"response_type", "code"},
                    {"client_id", provider.client_id},
                    {"redirect_uri", r.redirect_uri},
                    {"scope", join_scopes(provider.scopes)},
                    {"state", r.state}};
  if (provider.kind == ProviderKind::oidc) fields.emplace_back("nonce", r.nonce);
  if (r.switch_account && provider.kind == ProviderKind::oidc) {
    fields.emplace_back("prompt", "login");
  }
  // docs.joinmastodon.org/methods/oauth/#authorize
  if (r.switch_account && provider.kind == ProviderKind::mastodon) {
    fields.emplace_back("force_login", "true");
  }
  fields.emplace_back("code_challenge", r.code_challenge);
  fields.emplace_back("code_challenge_method", "S256");
  std::string url = endpoint;
  url += url.find('?') == std::string::npos ? '?' : '&';
  url += form_encode(fields);
  return url;
}

LoginService::LoginService(LoginConfig config, SessionStore& sessions,
                           MastodonAppStore& mastodon_apps)
    : config_(std::move(config)), mastodon_(mastodon_apps), sessions_(sessions) {
  if (config_.secret.empty()) config_.secret = random_token(kRandomBytes);
  if (config_.public_url.ends_with('/')) config_.public_url.pop_back();
}

std::string LoginService::redirect_uri() const {
  return config_.public_url + "/auth/callback";
}

void LoginService::set_default_public_url(std::string url) {
  if (config_.public_url.empty()) config_.public_url = std::move(url);
}

void LoginService::purge(std::int64_t now) {
  for (auto it = pending_.begin(); it != pending_.end();) {
    it = it->second.expires <= now ? pending_.erase(it) : std::next(it);
  }
}

std::optional<std::string> LoginService::start(const SiteLogin& site,
                                               const ProviderConfig& provider,
                                               const std::string& origin, std::string_view instance,
                                               std::int64_t now, LoginFailure& failure,
                                               bool switch_account) {
  {
    const std::lock_guard lock(mutex_);
    purge(now);
    if (pending_.size() >= kMaxPendingLogins) {
      failure = {"Too many logins are under way right now. Please try again in a minute.",
                 "pending login table full"};
      return std::nullopt;
    }
  }
  Pending p{site.site,
            provider.id,
            origin,
            random_token(kRandomBytes),
            random_token(kRandomBytes),
            now + config_.pending_seconds};
  std::string endpoint = provider.authorization_endpoint;
  ProviderConfig client = provider;
  if (provider.kind == ProviderKind::oidc) {
    const auto d = oidc_.discover(provider.issuer, now, failure);
    if (!d) return std::nullopt;
    endpoint = d->authorization_endpoint;
  } else if (provider.kind == ProviderKind::mastodon) {
    std::string problem;
    auto parsed = parse_instance(instance, provider.test_instances, problem);
    if (!parsed) {
      failure = {problem, {}};
      return std::nullopt;
    }
    auto app = mastodon_.app(*parsed, redirect_uri(), config_.public_url, now, failure);
    if (!app) return std::nullopt;
    endpoint = parsed->base_url + "/oauth/authorize";
    client.client_id = app->client_id;
    client.scopes = {std::string(kMastodonScopes)};
    p.instance = std::move(*parsed);
    p.app = std::move(*app);
  }
  const std::string state = random_token(kRandomBytes);
  const std::string url = authorization_url(
      endpoint, client,
      {redirect_uri(), state, p.nonce, base64url_encode(sha256(p.verifier)), switch_account});
  const std::lock_guard lock(mutex_);
  pending_.emplace(state, std::move(p));
  return url;
}

LoginOutcome LoginService::finish(std::string_view state, std::string_view code,
                                  std::string_view error, std::int64_t now) {
  Pending p;
  {
    const std::lock_guard lock(mutex_);
    const auto it = pending_.find(state);
    if (it == pending_.end()) {
      // No origin is known, so the popup cannot tell the page; it says so itself.
      return failed({},
                    "This login link is not valid (it may be old or from another server). "
                    "Please close this window and log in again.");
    }
    if (it->second.used) {
      return failed(it->second.origin, "This login was already completed. Please log in again.",
                    "replayed callback");
    }
    it->second.used = true;  // single use, whatever happens next
    p = it->second;
  }
  if (p.expires <= now) {
    return failed(p.origin, "The login took too long and expired. Please try again.");
  }
  if (!error.empty()) {
    if (error == "access_denied") {
      return failed(p.origin, "You did not allow the login, so you were not logged in.");
    }
    return failed(p.origin, "The login provider reported a problem (" +
                                std::string(is_error_token(error) ? error : "unknown error") +
                                "). Please try again.");
  }
  if (code.empty()) return failed(p.origin, "The login provider sent no answer. Please try again.");
  LoginOutcome out = complete(p, code, now);
  if (!out.ok() && !out.failure.log_detail.empty()) {
    std::cerr << "parleyd: login via " << p.provider << " failed: " << out.failure.log_detail
              << '\n';
  }
  return out;
}

LoginOutcome LoginService::complete(const Pending& p, std::string_view code, std::int64_t now) {
  const SiteLogin* site = config_.site(p.site);
  const ProviderConfig* provider = site ? site->find(p.provider) : nullptr;
  if (!provider) return failed(p.origin, "This login provider is no longer offered here.");
  if (provider->kind == ProviderKind::mastodon) return complete_mastodon(p, *provider, code, now);
  LoginFailure failure;
  std::optional<Discovery> d;
  if (provider->kind == ProviderKind::oidc) {
    d = oidc_.discover(provider->issuer, now, failure);
    if (!d) return {p.origin, {}, failure};
  }
  FormFields fields{{"grant_type", "authorization_code"},
                    {"code", std::string(code)},
                    {"redirect_uri", redirect_uri()},
                    {"code_verifier", p.verifier},
                    {"client_id", provider->client_id}};
  // RFC 6749 §2.3.1: with Basic, id and secret are form-encoded first.
  const BasicAuth basic{form_encode({{"", provider->client_id}}).substr(1),
                        form_encode({{"", provider->client_secret}}).substr(1)};
  if (!provider->basic_auth) fields.emplace_back("client_secret", provider->client_secret);
  const HttpResult r = http_post_form(d ? d->token_endpoint : provider->token_endpoint, fields,
                                      provider->basic_auth ? &basic : nullptr);
  const json answer = json::parse(r.body, nullptr, false);
  // OIDC answers carry an ID token; plain OAuth 2 only an access token for the profile.
  const char* needed = d ? "id_token" : "access_token";
  if (r.status != kHttpOk || !answer.is_object() || !answer.contains(needed) ||
      !answer[needed].is_string()) {
    // The provider's error member (invalid_grant for a reused or foreign code) is logged;
    // the body may hold tokens, so it is not.
    const std::string err = answer.is_object() ? answer.value("error", "") : "";
    return failed(p.origin, "The login provider did not accept this login. Please try again.",
                  "token endpoint answered " + std::to_string(r.status) + " " +
                      (is_error_token(err) ? err : r.error));
  }
  // The access token is used for the profile call below and then dropped with
  // `answer`: it is never stored, logged nor sent to the browser.
  const std::string access_token =
      answer.contains("access_token") && answer["access_token"].is_string()
          ? answer["access_token"].get<std::string>()
          : std::string();
  if (!d) {
    const auto profile = oauth2_profile(*provider, access_token, failure);
    if (!profile) return {p.origin, {}, failure};
    return open_session(p, *provider, *profile, now);
  }
  auto claims = oidc_.verify_id_token(*d, answer["id_token"].get<std::string>(),
                                      provider->client_id, p.nonce, now, failure);
  if (!claims) return {p.origin, {}, failure};
  // Many providers put the profile in userinfo only.
  if ((claims->name.empty() || claims->picture.empty()) && !d->userinfo_endpoint.empty() &&
      !access_token.empty()) {
    const HttpResult u = http_get(d->userinfo_endpoint, access_token);
    const json info = json::parse(u.body, nullptr, false);
    if (u.status == kHttpOk && info.is_object() && info.value("sub", "") == claims->subject) {
      if (claims->name.empty()) claims->name = info.value("name", "");
      if (claims->name.empty()) claims->name = info.value("preferred_username", "");
      if (claims->picture.empty()) {
        claims->picture = safe_picture_url(info.value("picture", ""), d->issuer);
      }
    }
  }
  return open_session(p, *provider, *claims, now);
}

LoginOutcome LoginService::complete_mastodon(const Pending& p, const ProviderConfig& provider,
                                             std::string_view code, std::int64_t now) {
  LoginFailure failure;
  const auto account =
      mastodon_.account(p.instance, p.app, std::string(code), redirect_uri(), p.verifier, failure);
  if (!account) return {p.origin, {}, failure};
  return open_session(p, provider, {account->subject, account->name, account->avatar}, now);
}

std::optional<IdTokenClaims> LoginService::oauth2_profile(const ProviderConfig& provider,
                                                          const std::string& access_token,
                                                          LoginFailure& failure) {
  const HttpResult u = http_get(provider.userinfo_endpoint, access_token);
  const json info = json::parse(u.body, nullptr, false);
  const auto profile = u.status == kHttpOk ? map_profile(info, provider.claims) : std::nullopt;
  if (!profile) {
    failure = {"The login provider did not say who you are. Please try again.",
               "profile endpoint answered " + std::to_string(u.status) +
                   (u.error.empty() ? "" : " " + u.error)};
    return std::nullopt;
  }
  return IdTokenClaims{profile->subject, profile->name,
                       safe_picture_url(profile->avatar, provider.userinfo_endpoint)};
}

LoginOutcome LoginService::open_session(const Pending& p, const ProviderConfig& provider,
                                        IdTokenClaims claims, std::int64_t now) {
  if (claims.name.empty()) claims.name = provider.name + " user";
  const Identity id{
      random_token(kRandomBytes),   p.site, p.provider, claims.subject, claims.name, claims.picture,
      now + config_.session_seconds};
  {
    const std::lock_guard lock(mutex_);
    sessions_.open(id, now);
  }
  return {p.origin, sign_token(id, config_.secret), {}};
}

std::optional<Identity> LoginService::authenticate(std::string_view authorization,
                                                   std::string_view site, std::int64_t now,
                                                   BearerProblem& problem) {
  constexpr std::string_view kScheme = "Bearer ";
  if (!authorization.starts_with(kScheme)) {
    problem = BearerProblem::missing;
    return std::nullopt;
  }
  const TokenCheck check =
      verify_token(authorization.substr(kScheme.size()), config_.secret, site, now);
  switch (check.problem) {
    case TokenProblem::none:
      break;
    case TokenProblem::expired:
      problem = BearerProblem::expired;
      return std::nullopt;
    default:
      problem = BearerProblem::invalid;
      return std::nullopt;
  }
  const std::lock_guard lock(mutex_);
  if (!sessions_.is_open(check.identity.session, now)) {
    problem = BearerProblem::revoked;
    return std::nullopt;
  }
  problem = BearerProblem::none;
  return check.identity;
}

bool LoginService::logout(const Identity& identity, std::int64_t now) {
  const std::lock_guard lock(mutex_);
  return sessions_.revoke(identity.session, now);
}

}  // namespace parley::server::auth
