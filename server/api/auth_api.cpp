// Login over HTTP: which providers a site offers, the popup's start and callback, and
// the bearer-token session (who am I, log out). The flow itself is auth::LoginService.
#include <nlohmann/json.hpp>

#include "api/auth_handlers.hpp"
#include "api/errors.hpp"
#include "api/reader_identity.hpp"
#include "auth/instance_form.hpp"
#include "auth/login_service.hpp"
#include "auth/mastodon.hpp"
#include "auth/popup_page.hpp"
#include "service/sites.hpp"

namespace parley::server::handlers {
namespace {

constexpr int kFound = 302;
constexpr int kNoContent = 204;
constexpr int kBadRequest = 400;

auth::LoginService& login_service(const Context& ctx) {
  if (!ctx.services.login) throw ApiError(ErrorCode::not_found, "Login is not enabled here.");
  return *ctx.services.login;
}

// The popup's pages are top-level pages at parleyd's origin: HTML, never cached, with a
// CSP that allows nothing but what each needs.
Response html_page(int status, std::string body, std::string_view csp) {
  Response res;
  res.status = status;
  res.body = std::move(body);
  res.set("Content-Type", "text/html; charset=utf-8");
  res.set("Content-Security-Policy", std::string(csp));
  res.set("Cache-Control", "no-store");
  return res;
}

Response popup_response(int status, const auth::PopupResult& result) {
  return html_page(status, auth::popup_page(result), auth::kPopupCsp);
}

Response popup_error(const std::string& message) {
  return popup_response(kBadRequest, {{}, {}, message});
}

Response instance_form_response(int status, const auth::InstanceForm& form) {
  return html_page(status, auth::instance_form_page(form), auth::kInstanceFormCsp);
}

// Hands `work` (which waits on an identity provider) to the transport's worker pool.
template <typename Work>
Response deferred(Work work) {
  Response res;
  res.deferred = std::make_shared<const Deferred>(Deferred{std::move(work)});
  return res;
}

nlohmann::json identity_json(const ReaderIdentity& id) {
  return {{"name", id.name()},
          {"avatar", id.avatar()},
          {"provider", id.provider()},
          {"provider_name", id.provider_name},
          {"expires", id.token.expires}};
}

// What the widget must do before the popup: "mastodon" providers need the reader's
// server (else the popup asks for it itself).
std::string_view provider_kind(auth::ProviderKind kind) {
  switch (kind) {
    case auth::ProviderKind::oidc:
      return "oidc";
    case auth::ProviderKind::oauth2:
      return "oauth2";
    case auth::ProviderKind::mastodon:
      return "mastodon";
  }
  return "oauth2";
}

}  // namespace

// GET /api/login?site: how readers of this site may comment.
Response login_options(const Request&, Context& ctx) {
  nlohmann::json providers = nlohmann::json::array();
  const auth::SiteLogin* site =
      ctx.services.login ? ctx.services.login->config().site(ctx.site->id) : nullptr;
  if (site) {
    for (const auth::ProviderConfig& p : site->providers) {
      providers.push_back(
          {{"id", p.id}, {"name", p.name}, {"kind", provider_kind(p.kind)}, {"icon", p.icon}});
    }
  }
  return json_response(
      200, nlohmann::json{{"guests", guest_mode_name(guest_mode(ctx))}, {"providers", providers}}
               .dump());
}

// GET /auth/start?site&provider&origin[&instance]: the popup's first page; redirects to
// the provider (Mastodon: to the reader's instance, asking for it first if `instance` is
// missing). Errors are pages, since a person is looking at this window.
Response login_start(const Request&, Context& ctx) {
  auth::LoginService& login = login_service(ctx);
  const std::string site_id(ctx.query.get("site").value_or(""));
  const std::string provider_id(ctx.query.get("provider").value_or(""));
  const std::string origin(ctx.query.get("origin").value_or(""));
  const Site* site = ctx.services.sites.find(site_id);
  const auth::SiteLogin* site_login = site ? login.config().site(site_id) : nullptr;
  const auth::ProviderConfig* provider = site_login ? site_login->find(provider_id) : nullptr;
  if (!provider) return popup_error("This login provider is not offered for this site.");
  // The token will be posted to this origin only, so it must be one the site owns.
  if (!origin_allowed(*site, origin)) {
    return popup_error("This page is not allowed to log in to this site's comments.");
  }
  const std::string instance(ctx.query.get("instance").value_or(""));
  const bool change = ctx.query.get("change") == "1";
  if (provider->kind == auth::ProviderKind::mastodon) {
    // Which server is the reader's? Asked here when the widget did not say.
    std::string problem;
    if (instance.empty() || !auth::parse_instance(instance, provider->test_instances, problem)) {
      return instance_form_response(
          instance.empty() ? 200 : kBadRequest,
          {site_id, provider_id, origin,
           instance.size() <= auth::kMaxInstanceInputChars ? instance : "",
           instance.empty() ? "" : problem});
    }
  }
  // Discovery and Mastodon app registration wait on the provider: off the I/O thread.
  // The config (and so site_login and provider) lives as long as the server.
  return deferred([&login, site_login, provider, origin, instance, change, now = ctx.now] {
    auth::LoginFailure failure;
    const auto url = login.start(*site_login, *provider, origin, instance, now, failure, change);
    if (!url) {
      // The origin is allowed: tell the widget, which shows the message in the page.
      return popup_response(kBadRequest, {origin, {}, failure.reader_message});
    }
    Response res;
    res.status = kFound;
    res.set("Location", *url);
    res.set("Cache-Control", "no-store");
    return res;
  });
}

// GET /auth/callback?state&code (or &error): where the provider sends the popup back.
// The token exchange and the profile call wait on the provider: off the I/O thread.
Response login_callback(const Request&, Context& ctx) {
  return deferred([&login = login_service(ctx),
                   state = std::string(ctx.query.get("state").value_or("")),
                   code = std::string(ctx.query.get("code").value_or("")),
                   error = std::string(ctx.query.get("error").value_or("")), now = ctx.now] {
    const auth::LoginOutcome out = login.finish(state, code, error, now);
    return popup_response(out.ok() ? 200 : kBadRequest,
                          {out.origin, out.token, out.failure.reader_message});
  });
}

// GET /auth/popup.js
Response login_popup_script(const Request&, Context&) {
  Response res;
  res.body = std::string(auth::popup_script());
  res.set("Content-Type", "text/javascript; charset=utf-8");
  res.set("Cache-Control", "no-cache");
  return res;
}

// GET /api/session?site (Authorization: Bearer): who the token says the reader is,
// if that session is still open.
Response session(const Request& req, Context& ctx) {
  login_service(ctx);  // 404 when this server has no login
  return json_response(200, identity_json(require_reader_identity(req, ctx)).dump());
}

// POST /api/logout?site (Authorization: Bearer): closes the session for good.
Response logout(const Request& req, Context& ctx) {
  auth::LoginService& login = login_service(ctx);
  const ReaderIdentity id = require_reader_identity(req, ctx);
  login.logout(id.token, ctx.now);
  Response res;
  res.status = kNoContent;
  return res;
}

}  // namespace parley::server::handlers
