// Login handlers (auth_api.cpp), listed in routes.cpp with the others. Kept in their
// own header so the login feature reads as one unit (docs/login.md).
#pragma once

#include "api/context.hpp"
#include "api/message.hpp"

namespace parley::server::handlers {

Response login_options(const Request& req, Context& ctx);   // GET /api/login?site
Response login_start(const Request& req, Context& ctx);     // GET /auth/start?site&provider&origin
Response login_callback(const Request& req, Context& ctx);  // GET /auth/callback?state&code|error
Response login_popup_script(const Request& req, Context& ctx);  // GET /auth/popup.js
Response session(const Request& req, Context& ctx);             // GET /api/session?site
Response logout(const Request& req, Context& ctx);              // POST /api/logout?site

}  // namespace parley::server::handlers
