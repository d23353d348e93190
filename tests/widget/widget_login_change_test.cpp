// "Change" (widget/login_flow.cpp): the reader stays logged in while choosing another
// account; only a confirmed new login replaces the token and closes the old session; a
// cancelled or failed change leaves the reader as they were, and says so.
#include <doctest/doctest.h>

#include "widget_login_util.hpp"

namespace parley::test {
namespace {

const json kGrace = {{"name", "Grace"},
                     {"avatar", ""},
                     {"provider", "github"},
                     {"provider_name", "GitHub"},
                     {"expires", kNow + 3600}};

// Logged in as Ada (kSession) with token "old.token", then "Change" clicked.
struct Changing : Offered {
  Step change;
  Changing() : Offered(kOptions, "old.token") {
    send(w, response(request_of(effect(start, "fetch", "/api/session")), 200, kSession));
    change = send(w, action("login-change"));
  }
};

bool has(const std::string& html, std::string_view needle) {
  return html.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("Change offers the providers and a Cancel, and keeps the session meanwhile") {
  Changing c;
  const std::string html = c.change.html("login");
  CHECK(has(html, "Click an icon to log in with another account:"));
  CHECK(has(html, "aria-label=\"Log in with GitHub\""));
  CHECK(has(html, "data-parley-action=\"login-cancel\""));
  CHECK(effect(c.change, "fetch", "/api/logout") == nullptr);
  CHECK(effect(c.change, "save") == nullptr);
  // Still logged in: no guest fields, and a post goes out as Ada.
  const json* guest = c.change.patch("attr", "guest");
  REQUIRE(guest);
  CHECK((*guest)["value"] == "");
  CHECK(posted_bearer(c.w, "Still me") == "old.token");
}

TEST_CASE("a change that succeeds replaces the token and closes the old session") {
  Changing c;
  const Step open = send(c.w, action("login", "github"));
  const json* popup = effect(open, "popup");
  REQUIRE(popup);
  CHECK((*popup)["path"].get<std::string>().ends_with("&change=1"));
  const Step got = send(c.w, login_event({{"token", "new.token"}, {"error", ""}}));
  CHECK(effect(got, "save") == nullptr);  // not before its session is confirmed
  const json* check = effect(got, "fetch", "/api/session");
  REQUIRE(check);
  CHECK((*check)["bearer"] == "new.token");

  const Step in = send(c.w, response((*check)["request"], 200, kGrace));
  CHECK(has(in.html("login"), ">Grace</strong>"));
  const json* logout = effect(in, "fetch", "/api/logout");
  REQUIRE(logout);
  CHECK((*logout)["bearer"] == "old.token");
  const json* save = effect(in, "save");
  REQUIRE(save);
  CHECK((*save)["key"] == "parley:login:blog");
  CHECK((*save)["value"] == "new.token");
  CHECK(posted_bearer(c.w, "As Grace") == "new.token");
}

TEST_CASE("a cancelled change leaves the reader logged in as before, and says so") {
  SUBCASE("Cancel on the provider row") {
    Changing c;
    const Step back = send(c.w, action("login-cancel"));
    CHECK(has(back.html("login"), "You are still logged in as Ada."));
    CHECK(has(back.html("login"), ">Ada</strong>"));
    CHECK(effect(back, "fetch") == nullptr);
    CHECK(effect(back, "save") == nullptr);
  }
  SUBCASE("Cancel while the popup is open") {
    Changing c;
    send(c.w, action("login", "github"));
    const Step back = send(c.w, action("login-cancel"));
    const json* close = effect(back, "popup");
    REQUIRE(close);
    CHECK((*close)["close"] == true);
    CHECK(has(back.html("login"), "You are still logged in as Ada."));
  }
  SUBCASE("the popup closed early") {
    Changing c;
    send(c.w, action("login", "github"));
    const Step back = send(c.w, login_event({{"closed", true}}));
    CHECK(has(back.html("login"),
              "The login window was closed before you logged in. "
              "You are still logged in as Ada."));
  }
}

TEST_CASE("a change whose new login is refused keeps the old one") {
  Changing c;
  send(c.w, action("login", "github"));
  const Step got = send(c.w, login_event({{"token", "bad.token"}, {"error", ""}}));
  const Step refused = send(c.w, response(request_of(effect(got, "fetch", "/api/session")), 401,
                                          {{"error", "login_required"}, {"message", "no"}}));
  CHECK(has(refused.html("login"),
            "The login did not work. Please try again. You are still logged in as Ada."));
  CHECK(effect(refused, "save") == nullptr);  // old.token stays stored
  // Only the refused login may be closed on the server, never the kept one.
  const json* closed = effect(refused, "fetch", "/api/logout");
  CHECK((closed == nullptr || (*closed)["bearer"] == "bad.token"));
  CHECK(posted_bearer(c.w, "Still Ada") == "old.token");
}

TEST_CASE("cancelling while the new login's session is checked drops that login") {
  Changing c;
  send(c.w, action("login", "github"));
  const Step got = send(c.w, login_event({{"token", "new.token"}, {"error", ""}}));
  const int check = request_of(effect(got, "fetch", "/api/session"));
  const Step back = send(c.w, action("login-cancel"));
  const json* drop = effect(back, "fetch", "/api/logout");
  REQUIRE(drop);
  CHECK((*drop)["bearer"] == "new.token");
  // The late answer changes nothing: still Ada, still the old token.
  const Step late = send(c.w, response(check, 200, kGrace));
  CHECK_FALSE(late.touches("login"));
  CHECK(posted_bearer(c.w, "Ada") == "old.token");
}

}  // namespace parley::test
