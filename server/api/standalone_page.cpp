#include "api/standalone_page.hpp"

#include <string>

namespace parley::server {

Response standalone_page(int status, std::string_view title, const SafeHtml& body) {
  HtmlBuilder b;
  b.open("html", {{"lang", "en"}}).open("head");
  b.empty("meta", {{"charset", "utf-8"}});
  b.empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  b.empty("meta", {{"name", "robots"}, {"content", "noindex"}});
  b.element("title", {}, std::string(title) + " · Parley");
  b.empty("link", {{"rel", "icon"}, {"href", "data:,"}});
  b.close("head").open("body").open("main");
  b.element("h1", {}, title);
  b.html(body);
  b.close("main").close("body").close("html");
  Response res = html_response(status, "<!doctype html>\n" + std::move(b).finish().release());
  res.set("Cache-Control", "no-store");
  res.set("Referrer-Policy", "no-referrer");
  return res;
}

}  // namespace parley::server
