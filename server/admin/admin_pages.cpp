#include "admin/admin_pages.hpp"

#include "core/html.hpp"

namespace parley::server::admin {
namespace {

// Hidden CSRF field of every state-changing form (checked in api/admin_api.cpp).
void csrf_field(HtmlBuilder& b, std::string_view token) {
  b.empty("input", {{"type", "hidden"}, {"name", "csrf"}, {"value", token}});
}

// A labelled input with its message, tied together for screen readers.
void field(HtmlBuilder& b, std::string_view id, std::string_view label, std::string_view type,
           std::string_view value, std::string_view autocomplete, const FormMessage& message) {
  const bool mine = !message.text.empty() && message.field == id;
  const std::string error_id = std::string(id) + "-error";
  b.open("p", {{"class", "pa-field"}});
  b.element("label", {{"for", id}}, label);
  b.empty("input", {{"id", id},
                    {"name", id},
                    {"type", type},
                    {"value", value},
                    {"autocomplete", autocomplete},
                    {"required", "required"},
                    {mine ? "aria-invalid" : "", "true"},
                    {mine ? "aria-describedby" : "", error_id}});
  if (mine) b.element("span", {{"id", error_id}, {"class", "pa-error"}}, message.text);
  b.close("p");
}

}  // namespace

std::string page(std::string_view title, const SafeHtml& body, const AdminSession* who) {
  HtmlBuilder b;
  b.open("html", {{"lang", "en"}}).open("head");
  b.empty("meta", {{"charset", "utf-8"}});
  b.empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  b.element("title", {}, std::string(title) + " · Parley admin");
  // No icon request (it would be a 404 outside /admin): an empty one, allowed by img-src.
  b.empty("link", {{"rel", "icon"}, {"href", "data:,"}});
  b.empty("link", {{"rel", "stylesheet"}, {"href", "/admin/admin.css"}});
  b.open("script", {{"src", "/admin/admin.js"}, {"defer", "defer"}}).close("script");
  b.close("head").open("body");
  b.open("header", {{"class", "pa-top"}});
  b.element("a", {{"href", "/admin"}, {"class", "pa-brand"}}, "Parley admin");
  if (who) {
    b.open("form", {{"method", "post"}, {"action", "/admin/logout"}, {"class", "pa-logout"}});
    b.element("span", {{"class", "pa-who"}}, who->user.email + " (" + who->user.role + ")");
    csrf_field(b, who->csrf);
    b.element("button", {{"type", "submit"}}, "Log out");
    b.close("form");
  }
  b.close("header");
  b.open("main", {{"id", "main"}, {"class", "pa-main"}});
  b.element("h1", {}, title);
  b.html(body);
  b.close("main").close("body").close("html");
  return "<!doctype html>\n" + std::move(b).finish().release();
}

SafeHtml login_form(std::string_view email, const FormMessage& message,
                    std::string_view form_token) {
  HtmlBuilder b;
  b.open("form", {{"method", "post"}, {"action", "/admin/login"}, {"class", "pa-login"}});
  b.empty("input", {{"type", "hidden"}, {"name", "form_token"}, {"value", form_token}});
  if (!message.text.empty() && message.field.empty()) {
    b.element("p", {{"class", "pa-error"}, {"role", "alert"}}, message.text);
  }
  field(b, "email", "Email", "email", email, "username", message);
  field(b, "password", "Password", "password", "", "current-password", message);
  b.element("button", {{"type", "submit"}}, "Log in");
  b.close("form");
  return std::move(b).finish();
}

SafeHtml dashboard(const DashboardView& v) {
  HtmlBuilder b;
  if (!v.notice.empty()) b.element("p", {{"class", "pa-notice"}, {"role", "status"}}, v.notice);
  b.element("h2", {}, "Sites");
  if (v.sites.empty()) b.element("p", {}, "This account sees no site this server serves.");
  b.open("ul", {{"class", "pa-sites"}});
  for (const std::string& site : v.sites) {
    b.open("li").element("a", {{"href", "/admin/queue?site=" + site}}, site).close("li");
  }
  b.close("ul");
  if (v.who.user.role != kOwner) return std::move(b).finish();

  b.element("h2", {}, "Moderators");
  if (v.moderators.empty()) b.element("p", {}, "No moderators yet.");
  b.open("ul", {{"class", "pa-moderators"}});
  for (const AdminUser& m : v.moderators) {
    std::string sites;
    for (const std::string& s : m.sites) sites += (sites.empty() ? "" : ", ") + s;
    b.element("li", {}, m.email + ": " + sites);
  }
  b.close("ul");

  b.element("h2", {{"id", "add-moderator"}}, "Add a moderator");
  b.open(
      "form",
      {{"method", "post"}, {"action", "/admin/moderators"}, {"aria-labelledby", "add-moderator"}});
  csrf_field(b, v.who.csrf);
  if (!v.message.text.empty() && v.message.field.empty()) {
    b.element("p", {{"class", "pa-error"}, {"role", "alert"}}, v.message.text);
  }
  field(b, "email", "Email", "email", "", "off", v.message);
  field(b, "password", "Initial password", "password", "", "new-password", v.message);
  b.open("p", {{"class", "pa-field"}});
  b.element("label", {{"for", "site"}}, "Site");
  b.open("select", {{"id", "site"}, {"name", "site"}});
  for (const std::string& site : v.sites) b.element("option", {{"value", site}}, site);
  b.close("select");
  if (v.message.field == "site") b.element("span", {{"class", "pa-error"}}, v.message.text);
  b.close("p");
  b.element("button", {{"type", "submit"}}, "Add moderator");
  b.close("form");
  return std::move(b).finish();
}

SafeHtml message_body(std::string_view text) {
  HtmlBuilder b;
  b.element("p", {}, text);
  b.open("p").element("a", {{"href", "/admin"}}, "Back to the admin home").close("p");
  return std::move(b).finish();
}

}  // namespace parley::server::admin
