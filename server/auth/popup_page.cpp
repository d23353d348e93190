#include "auth/popup_page.hpp"

#include "core/html.hpp"

namespace parley::server::auth {

std::string popup_page(const PopupResult& r) {
  const bool ok = !r.token.empty();
  parley::HtmlBuilder b;
  b.open("html", {{"lang", "en"},
                  {"data-parley-origin", r.origin},
                  {ok ? "data-parley-token" : "", r.token},
                  {ok ? "" : "data-parley-error", r.message}})
      .open("head")
      .empty("meta", {{"charset", "utf-8"}})
      .element("title", {}, ok ? "Logged in" : "Login failed")
      .close("head")
      .open("body")
      .element("p", {}, ok ? "You are logged in. This window closes by itself." : r.message)
      .open("script", {{"src", "/auth/popup.js"}})
      .close("script")
      .close("body")
      .close("html");
  std::string page = "<!doctype html>";
  page += std::move(b).finish().release();
  return page;
}

std::string_view popup_script() {
  // No origin means the outcome cannot be delivered safely: the page text says why and
  // the window stays open. postMessage's targetOrigin makes the browser drop the
  // message unless the opener is still on that exact origin.
  return R"js((function () {
  var d = document.documentElement.dataset;
  if (!d.parleyOrigin || !window.opener) return;
  window.opener.postMessage({ parley: 'login', token: d.parleyToken || '',
    error: d.parleyError || '' }, d.parleyOrigin);
  window.close();
})();
)js";
}

}  // namespace parley::server::auth
