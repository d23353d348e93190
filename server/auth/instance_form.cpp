#include "auth/instance_form.hpp"

#include "core/html.hpp"

namespace parley::server::auth {

std::string instance_form_page(const InstanceForm& f) {
  const bool invalid = !f.message.empty();
  parley::HtmlBuilder b;
  b.open("html", {{"lang", "en"}})
      .open("head")
      .empty("meta", {{"charset", "utf-8"}})
      .empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}})
      .element("title", {}, "Log in with Mastodon")
      .close("head")
      .open("body")
      .open("form", {{"method", "get"}, {"action", "/auth/start"}})
      .empty("input", {{"type", "hidden"}, {"name", "site"}, {"value", f.site}})
      .empty("input", {{"type", "hidden"}, {"name", "provider"}, {"value", f.provider}})
      .empty("input", {{"type", "hidden"}, {"name", "origin"}, {"value", f.origin}})
      .element("label", {{"for", "parley-instance"}}, "Your Mastodon server")
      .empty("input", {{"id", "parley-instance"},
                       {"name", "instance"},
                       {"type", "text"},
                       {"inputmode", "url"},
                       {"autocomplete", "url"},
                       {"spellcheck", "false"},
                       {"placeholder", "mastodon.social"},
                       {"required", "required"},
                       {"autofocus", "autofocus"},
                       {"value", f.typed},
                       {invalid ? "aria-invalid" : "", "true"},
                       {invalid ? "aria-describedby" : "", "parley-instance-error"}});
  if (invalid) b.element("p", {{"id", "parley-instance-error"}, {"role", "alert"}}, f.message);
  b.element("button", {{"type", "submit"}}, "Log in").close("form").close("body").close("html");
  std::string page = "<!doctype html>";
  page += std::move(b).finish().release();
  return page;
}

}  // namespace parley::server::auth
