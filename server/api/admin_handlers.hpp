// The admin UI's handlers (admin_api.cpp), listed in routes.cpp with the others. Kept in
// their own header so the admin feature reads as one unit (docs/admin.md).
#pragma once

#include "api/context.hpp"
#include "api/message.hpp"

namespace parley::server::handlers {

Response admin_home(const Request& req, Context& ctx);           // GET /admin
Response admin_login_page(const Request& req, Context& ctx);     // GET /admin/login
Response admin_login(const Request& req, Context& ctx);          // POST /admin/login
Response admin_logout(const Request& req, Context& ctx);         // POST /admin/logout
Response admin_add_moderator(const Request& req, Context& ctx);  // POST /admin/moderators
// Moderation (admin_moderation_api.cpp).
Response admin_queue(const Request& req, Context& ctx);         // GET /admin/queue?site&filters
Response admin_queue_action(const Request& req, Context& ctx);  // POST /admin/queue
Response admin_settings(const Request& req, Context& ctx);      // POST /admin/settings
Response admin_unban(const Request& req, Context& ctx);         // POST /admin/unban
Response admin_edit_page(const Request& req, Context& ctx);     // GET /admin/comment?site&id
Response admin_edit(const Request& req, Context& ctx);          // POST /admin/comment
Response admin_script(const Request& req, Context& ctx);        // GET /admin/admin.js
Response admin_stylesheet(const Request& req, Context& ctx);    // GET /admin/admin.css

}  // namespace parley::server::handlers
