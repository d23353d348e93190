#include "api/admin_http.hpp"

#include "admin/admin_limits.hpp"
#include "admin/admin_pages.hpp"
#include "api/errors.hpp"
#include "auth/crypto.hpp"
#include "util/text.hpp"

namespace parley::server::admin_http {
namespace {

constexpr std::string_view kFormType = "application/x-www-form-urlencoded";
constexpr int kSeeOther = 303;

}  // namespace

std::string_view cookie(const Request& req, std::string_view name) {
  for (std::string_view pair : split(req.header("Cookie"), ';')) {
    pair = trim(pair);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
  }
  return {};
}

void set_cookie(Response& res, const Services& services, std::string_view name,
                std::string_view value, std::int64_t max_age) {
  std::string c = std::string(name) + "=" + std::string(value) +
                  "; Path=/admin; Max-Age=" + std::to_string(max_age) +
                  "; HttpOnly; SameSite=Strict";
  if (!services.admin_insecure_cookie) c += "; Secure";
  res.headers.push_back({"Set-Cookie", std::move(c)});
}

admin::AdminService& service(const Context& ctx) {
  if (!ctx.services.admin) {
    throw ApiError(ErrorCode::unavailable, "The admin UI is not available on this server.");
  }
  return *ctx.services.admin;
}

std::optional<admin::AdminSession> session(const Request& req, const Context& ctx) {
  return service(ctx).session(cookie(req, kSessionCookie), ctx.now);
}

Query form(const Request& req) {
  if (!starts_with_icase(req.header("Content-Type"), kFormType)) {
    throw ApiError(ErrorCode::unsupported_media_type,
                   "Send the form as application/x-www-form-urlencoded.");
  }
  return Query::parse_form(req.body, admin::limits::kMaxFormParams);
}

std::optional<admin::AdminSession> session_for_post(const Request& req, const Context& ctx,
                                                    const Query& form) {
  std::optional<admin::AdminSession> s = session(req, ctx);
  if (!s || !admin::csrf_matches(*s, form.get("csrf").value_or(""))) return std::nullopt;
  return s;
}

Response redirect(std::string location) {
  Response res;
  res.status = kSeeOther;
  res.set("Location", std::move(location));
  return res;
}

Response page(int status, std::string_view title, const SafeHtml& body,
              const admin::AdminSession* who) {
  return html_response(status, admin::page(title, body, who));
}

Response forbidden(std::string_view text) {
  return page(403, "Not allowed", admin::message_body(text), nullptr);
}

}  // namespace parley::server::admin_http
