// Shared by the login flow's tests: a site's login offer, a session, and a started
// widget that has received the offer.
#pragma once

#include <string_view>

#include "widget_test_util.hpp"

namespace parley::test {

inline const json kOptions = {{"guests", "required-fields"},
                              {"providers",
                               {{{"id", "github"}, {"name", "GitHub"}, {"kind", "oauth2"}},
                                {{"id", "masto"}, {"name", "Mastodon"}, {"kind", "mastodon"}}}}};
inline const json kSession = {{"name", "Ada"},
                              {"avatar", "https://img.example/ada.png"},
                              {"provider", "github"},
                              {"provider_name", "GitHub"},
                              {"expires", kNow + 3600}};

inline json login_event(json members) {
  members["type"] = "login";
  return members;
}

inline json action(const char* name, const char* value = "") {
  return {{"type", "action"}, {"action", name}, {"value", value}};
}

// A started widget whose site offers GitHub and a Mastodon provider.
struct Offered {
  Widget w;
  Step start;
  Step offered;  // what the widget did with the offer
  Offered(const json& options = kOptions, const char* token = "") {
    json e = start_event();
    e["origin"] = "https://blog.example";
    if (*token) e["token"] = token;
    start = send(w, e);
    const json* ask = effect(start, "fetch", "/api/login");
    REQUIRE(ask);
    offered = send(w, response((*ask)["request"], 200, options));
  }
};

inline json options_with_guests(const char* guests) {
  json options = kOptions;
  options["guests"] = guests;
  return options;
}

inline int request_of(const json* e) {
  REQUIRE(e);
  return (*e)["request"].get<int>();
}

// The login region after a fresh widget started with `start` got `options`.
inline std::string offered_row(const json& start, const json& options) {
  Widget w;
  const Step s = send(w, start);
  return send(w, response(request_of(effect(s, "fetch", "/api/login")), 200, options))
      .html("login");
}

// The bearer token of the post a submit sends (REQUIREs that one is sent).
inline std::string posted_bearer(Widget& w, const char* text) {
  const Step s = send(w, submit_event(text, "", "", false));
  const json* post = effect(s, "fetch", "/api/comments");
  REQUIRE(post);
  return (*post)["bearer"].get<std::string>();
}

}  // namespace parley::test
