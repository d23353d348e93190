// The admin UI's account pages: home, login, logout, moderators, and its two static
// files (docs/admin.md). Moderation has its own file (admin_moderation_api.cpp).
#include <algorithm>

#include "admin/admin_assets.hpp"
#include "admin/admin_limits.hpp"
#include "admin/admin_pages.hpp"
#include "api/admin_handlers.hpp"
#include "api/admin_http.hpp"
#include "api/encoding.hpp"
#include "api/errors.hpp"
#include "auth/crypto.hpp"

namespace parley::server::handlers {
namespace {

using namespace admin_http;

constexpr int kUnauthorized = 401;
constexpr int kTooManyRequests = 429;

// The sites of this server the account may see, in the configured order.
std::vector<std::string> visible_sites(const admin::AdminUser& user, const Sites& sites) {
  std::vector<std::string> out;
  for (const Site& s : sites.all()) {
    if (user.may_see(s.id)) out.push_back(s.id);
  }
  return out;
}

// Moderators working on at least one of the owner's sites.
std::vector<admin::AdminUser> moderators_of(const admin::AdminUser& owner,
                                            std::vector<admin::AdminUser> users) {
  std::erase_if(users, [&](const admin::AdminUser& u) {
    return u.role != admin::kModerator ||
           std::none_of(u.sites.begin(), u.sites.end(),
                        [&](const std::string& s) { return owner.may_see(s); });
  });
  return users;
}

Response home_page(Context& ctx, const admin::AdminSession& s, int status,
                   admin::FormMessage message, std::string notice) {
  const admin::DashboardView view{s, visible_sites(s.user, ctx.services.sites),
                                  s.user.role == admin::kOwner
                                      ? moderators_of(s.user, service(ctx).users())
                                      : std::vector<admin::AdminUser>{},
                                  std::move(message), std::move(notice)};
  return page(status, "Parley admin", admin::dashboard(view), &s);
}

Response login_page(const Services& services, int status, std::string_view email,
                    const admin::FormMessage& message) {
  const std::string token = auth::random_token(admin::limits::kTokenBytes);
  Response res = page(status, "Log in", admin::login_form(email, message, token), nullptr);
  set_cookie(res, services, kFormCookie, token, admin::limits::kSessionSeconds);
  return res;
}

Response serve_file(const Request& req, const Precompressed* file, std::string content_type) {
  if (!file) throw ApiError(ErrorCode::not_found, "The admin UI is not installed on this server.");
  Response res;
  res.set("Content-Type", std::move(content_type));
  // Revalidated on each load (cheap, by ETag): a new parleyd's script is used at once.
  res.set("Cache-Control", "no-cache");
  set_precompressed(req, res, *file);
  return res;
}

}  // namespace

Response admin_home(const Request& req, Context& ctx) {
  const auto s = session(req, ctx);
  if (!s) return redirect("/admin/login");
  return home_page(ctx, *s, 200, {}, "");
}

Response admin_login_page(const Request& req, Context& ctx) {
  if (session(req, ctx)) return redirect("/admin");
  return login_page(ctx.services, 200, "", {});
}

Response admin_login(const Request& req, Context& ctx) {
  admin::AdminService& accounts = service(ctx);
  const Query f = form(req);
  const std::string email(f.get("email").value_or(""));
  const std::string_view token = cookie(req, kFormCookie);
  if (token.empty() || !auth::constant_time_equal(token, f.get("form_token").value_or(""))) {
    return login_page(ctx.services, 403, email,
                      {"", "This login form has expired. Please log in again."});
  }
  if (const int wait = accounts.take_login_attempt(req.client_ip, email, ctx.mono_now); wait > 0) {
    Response res = login_page(
        ctx.services, kTooManyRequests, email,
        {"", "Too many login attempts. Please wait " + std::to_string(wait) + " s and try again."});
    res.set("Retry-After", std::to_string(wait));
    return res;
  }
  // Argon2id takes a core for ~0.1-0.2 s: off the I/O thread, as provider calls are.
  Response res;
  res.deferred = std::make_shared<const Deferred>(
      Deferred{[&accounts, &services = ctx.services, email,
                password = std::string(f.get("password").value_or("")), now = ctx.now]() {
        const auto in = accounts.login(email, password, now);
        if (!in) {
          return login_page(services, kUnauthorized, email, {"", std::string(admin::kWrongLogin)});
        }
        Response ok = redirect("/admin");
        set_cookie(ok, services, kSessionCookie, in->token, in->expires - now);
        set_cookie(ok, services, kFormCookie, "", 0);
        return ok;
      }});
  return res;
}

Response admin_logout(const Request& req, Context& ctx) {
  const Query f = form(req);
  if (!session_for_post(req, ctx, f)) return forbidden("This form has expired. Please reload.");
  service(ctx).logout(cookie(req, kSessionCookie));
  Response res = redirect("/admin/login");
  set_cookie(res, ctx.services, kSessionCookie, "", 0);
  return res;
}

Response admin_add_moderator(const Request& req, Context& ctx) {
  const Query f = form(req);
  const auto s = session_for_post(req, ctx, f);
  if (!s) return forbidden("This form has expired. Please reload.");
  if (s->user.role != admin::kOwner) return forbidden("Only owners add moderators.");
  const std::string site(f.get("site").value_or(""));
  if (!ctx.services.sites.find(site) || !s->user.may_see(site)) {
    return home_page(ctx, *s, 400, {"site", "Choose one of your sites."}, "");
  }
  admin::NewAccount account{std::string(f.get("email").value_or("")),
                            std::string(f.get("password").value_or("")),
                            std::string(admin::kModerator),
                            {site}};
  const auto created = service(ctx).create(std::move(account), ctx.now);
  if (const auto* problem = std::get_if<admin::AccountProblem>(&created)) {
    return home_page(ctx, *s, 400, {problem->field, problem->message}, "");
  }
  return home_page(ctx, *s, 200, {},
                   "Added moderator " + admin::normalize_email(f.get("email").value_or("")) +
                       " for " + site + ".");
}

Response admin_script(const Request& req, Context& ctx) {
  const auto* assets = ctx.services.admin_assets;
  return serve_file(req, assets ? assets->script() : nullptr, "text/javascript; charset=utf-8");
}

Response admin_stylesheet(const Request& req, Context& ctx) {
  const auto* assets = ctx.services.admin_assets;
  return serve_file(req, assets ? assets->stylesheet() : nullptr, "text/css; charset=utf-8");
}

}  // namespace parley::server::handlers
