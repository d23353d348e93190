// The admin UI's pages, rendered on the server with core's HtmlBuilder, so every value
// in them is escaped by construction. The pages work without JavaScript; admin.js only
// enhances them (select-all, confirmations). No inline script or style anywhere: the
// CSP of /admin (api/admin_api.cpp) forbids both.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "admin/admin_store.hpp"
#include "core/safe_html.hpp"

namespace parley::server::admin {

// A message beside the form field it is about ("" field: the whole form).
struct FormMessage {
  std::string field;
  std::string text;
};

// The whole document: head (admin.css, admin.js), the top bar with the account and
// its logout form when `who` is set, and `body` under an <h1> of `title`.
std::string page(std::string_view title, const SafeHtml& body, const AdminSession* who);

SafeHtml login_form(std::string_view email, const FormMessage& message,
                    std::string_view form_token);

// The sites the account sees, with their queues; for owners, the moderators of their
// sites and the form that adds one.
struct DashboardView {
  const AdminSession& who;
  std::vector<std::string> sites;
  std::vector<AdminUser> moderators;
  FormMessage message;  // about the add-moderator form
  std::string notice;   // what the last action did ("Added ana@example.org.")
};
SafeHtml dashboard(const DashboardView& view);

// A message page (403, 404 inside /admin).
SafeHtml message_body(std::string_view text);

}  // namespace parley::server::admin
