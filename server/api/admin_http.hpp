// What every admin handler needs from HTTP: the session cookie, the CSRF check of a
// form, redirects and pages (admin_http.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "admin/admin_service.hpp"
#include "api/context.hpp"
#include "api/message.hpp"
#include "api/query.hpp"
#include "core/safe_html.hpp"

namespace parley::server::admin_http {

// The session cookie: HttpOnly, SameSite=Strict, Path=/admin, Secure unless the demo
// runs on plain http (Services::admin_insecure_cookie).
inline constexpr std::string_view kSessionCookie = "parley_admin";
// The login form's own token (double-submit: cookie and hidden field must match), so a
// foreign page cannot log a browser into an attacker's account.
inline constexpr std::string_view kFormCookie = "parley_admin_form";

// The value of cookie `name` in the request's Cookie header, or "".
std::string_view cookie(const Request& req, std::string_view name);
// Adds a Set-Cookie for `name`; max_age 0 deletes it.
void set_cookie(Response& res, const Services& services, std::string_view name,
                std::string_view value, std::int64_t max_age);

// The admin service, or 503 when parleyd runs without it.
admin::AdminService& service(const Context& ctx);
// The logged-in session, if the cookie names an open one.
std::optional<admin::AdminSession> session(const Request& req, const Context& ctx);
// The form of a POST (415 unless urlencoded; 400 when malformed or too many fields).
Query form(const Request& req);
// The session of a state-changing POST: nullopt unless logged in AND the form's csrf
// field matches the session's token (the caller answers with forbidden()).
std::optional<admin::AdminSession> session_for_post(const Request& req, const Context& ctx,
                                                    const Query& form);

Response redirect(std::string location);
Response page(int status, std::string_view title, const SafeHtml& body,
              const admin::AdminSession* who);
// 403 page for a failed CSRF check or a site the account may not see.
Response forbidden(std::string_view text);

}  // namespace parley::server::admin_http
