// The login flow of the state machine (widget/login_flow.cpp): the provider row from
// GET /api/login, the popup effect, the popup's outcomes, the restored session, posts
// with a bearer token, and the Mastodon server prompt.
#include <doctest/doctest.h>

#include "core/login_icons.hpp"
#include "widget_login_util.hpp"

namespace parley::test {

TEST_CASE("the provider row offers each provider by an accessible button") {
  Widget w;
  const Step start = send(w, start_event());
  const Step s = send(w, response(request_of(effect(start, "fetch", "/api/login")), 200, kOptions));
  const std::string html = s.html("login");
  CHECK(html.find("Fill in your details below or click an icon to log in:") != std::string::npos);
  CHECK(html.find("aria-label=\"Log in with GitHub\"") != std::string::npos);
  CHECK(html.find("data-parley-action=\"login\" data-parley-value=\"github\"") !=
        std::string::npos);
  CHECK(effect(start, "fetch", "/api/session") == nullptr);  // no stored token
}

TEST_CASE("each provider's button shows its brand mark inline; others the OpenID mark") {
  json options = kOptions;
  options["providers"] = {
      {{"id", "gh"}, {"name", "GitHub"}, {"kind", "oauth2"}, {"icon", "github"}},
      {{"id", "sso"}, {"name", "Company SSO"}, {"kind", "oidc"}, {"icon", ""}}};
  const std::string html = offered_row(start_event(), options);
  const std::string svg =
      R"(<svg class="parley-login-icon" viewbox="0 0 24 24" aria-hidden="true" focusable="false"><path d=")";
  CHECK(html.find(svg + std::string(login::icon_path("github"))) != std::string::npos);
  CHECK(html.find(svg + std::string(login::icon_path(""))) != std::string::npos);
  CHECK(login::icon_path("github") != login::icon_path(""));
  CHECK(html.find("aria-label=\"Log in with Company SSO\"") != std::string::npos);
  CHECK(html.find("parley-login-label") == std::string::npos);  // icons only by default
}

TEST_CASE("the embed's icons+labels style also names each provider beside its mark") {
  json e = start_event();
  e["share"] = {{"style", "icons+labels"}};
  const std::string html = offered_row(e, kOptions);
  CHECK(html.find(R"(<span class="parley-login-label">GitHub</span>)") != std::string::npos);
}

TEST_CASE("a click opens the popup and shows Connecting with Cancel; Cancel closes it") {
  Offered o;
  const Step s = send(o.w, action("login", "github"));
  const json* popup = effect(s, "popup");
  REQUIRE(popup);
  CHECK((*popup)["path"] == "/auth/start?site=blog&provider=github&origin=https%3A//blog.example");
  CHECK(s.html("login").find("Connecting to GitHub\u2026") != std::string::npos);
  const Step cancel = send(o.w, action("login-cancel"));
  const json* close = effect(cancel, "popup");
  REQUIRE(close);
  CHECK((*close)["close"] == true);
  CHECK(cancel.html("login").find("Log in with GitHub") != std::string::npos);
}

TEST_CASE("a popup closed early, blocked or failing says why") {
  Offered o;
  send(o.w, action("login", "github"));
  CHECK(send(o.w, login_event({{"closed", true}}))
            .html("login")
            .find("The login window was closed before you logged in.") != std::string::npos);
  send(o.w, action("login", "github"));
  CHECK(send(o.w, login_event({{"blocked", true}})).html("login").find("allow pop-ups") !=
        std::string::npos);
  send(o.w, action("login", "github"));
  const Step denied =
      send(o.w, login_event({{"token", ""}, {"error", "You did not allow the <login>."}}));
  CHECK(denied.html("login").find("You did not allow the &lt;login&gt;.") != std::string::npos);
  // An outcome nobody waits for changes nothing.
  CHECK(send(o.w, login_event({{"token", "late"}})).effects.empty());
}

TEST_CASE("a token from the popup is kept, checked, and then names the reader") {
  Offered o;
  send(o.w, action("login", "github"));
  const Step got = send(o.w, login_event({{"token", "tok.en"}, {"error", ""}}));
  const json* save = effect(got, "save");
  REQUIRE(save);
  CHECK((*save)["key"] == "parley:login:blog");
  CHECK((*save)["value"] == "tok.en");
  const json* check = effect(got, "fetch", "/api/session");
  REQUIRE(check);
  CHECK((*check)["bearer"] == "tok.en");
  const Step in = send(o.w, response((*check)["request"], 200, kSession));
  const std::string html = in.html("login");
  CHECK(html.find("You are commenting using your GitHub account.") != std::string::npos);
  CHECK(html.find(">Ada</strong>") != std::string::npos);
  CHECK(html.find("src=\"https://img.example/ada.png\"") != std::string::npos);
  const json* hidden = in.patch("attr", "guest");
  REQUIRE(hidden);
  CHECK((*hidden)["value"] == "");

  // Posting needs no name or email now, and carries the token.
  const Step post = send(o.w, submit_event("Hello", "", "", false));
  const json* sent = effect(post, "fetch", "/api/comments");
  REQUIRE(sent);
  CHECK((*sent)["bearer"] == "tok.en");

  // Log Out: the server is told, the token forgotten, the row is back.
  send(o.w, response((*sent)["request"], 201, wire(9, 0, 0, "Ada", 0)));
  const Step out = send(o.w, action("logout"));
  const json* logout = effect(out, "fetch", "/api/logout");
  REQUIRE(logout);
  CHECK((*logout)["method"] == "POST");
  CHECK((*logout)["bearer"] == "tok.en");
  const json* forget = effect(out, "save");
  REQUIRE(forget);
  CHECK((*forget)["value"].is_null());
  CHECK(out.html("login").find("Log in with GitHub") != std::string::npos);
}

TEST_CASE("a stored token is checked on start; a refused one is forgotten") {
  Offered o(kOptions, "old.token");
  const json* check = effect(o.start, "fetch", "/api/session");
  REQUIRE(check);
  CHECK((*check)["bearer"] == "old.token");
  const Step refused = send(o.w, response((*check)["request"], 401,
                                          {{"error", "login_required"}, {"message", "expired"}}));
  const json* forget = effect(refused, "save");
  REQUIRE(forget);
  CHECK((*forget)["key"] == "parley:login:blog");
  CHECK((*forget)["value"].is_null());
  // A guest again: the guest fields are required once more.
  CHECK(send(o.w, submit_event("Hi", "", "")).effects.empty());
}

TEST_CASE("\"login required\" hides the form until the reader logs in") {
  const Offered o(options_with_guests("disabled"));
  const Step& s = o.offered;
  CHECK(s.html("login").find("You must be logged in to post a comment.") != std::string::npos);
  const json* hidden = s.patch("attr", "form-body");
  REQUIRE(hidden);
  CHECK((*hidden)["value"] == "");
}

TEST_CASE("\"allowed\": name and email become optional, in the markers and in validation") {
  Offered o(options_with_guests("allowed"));
  Widget& w = o.w;
  const Step& s = o.offered;
  for (const char* field : {"author", "email"}) {
    CAPTURE(field);
    const json* mark = s.patch("attr", std::string("required-") + field);
    REQUIRE(mark);
    CHECK((*mark)["name"] == "hidden");
    CHECK((*mark)["value"] == "");
    const json* input = s.patch("attr", std::string("field-") + field);
    REQUIRE(input);
    CHECK((*input)["name"] == "required");
    CHECK((*input)["value"].is_null());
  }
  // An anonymous comment is posted; a malformed email is still caught before sending.
  const Step bad = send(w, submit_event("Hi", "", "ana@"));
  CHECK(effect(bad, "fetch") == nullptr);
  CHECK(bad.html("error-email").find("valid email address") != std::string::npos);
  CHECK(bad.html("error-author").find("Please enter your name.") == std::string::npos);
  const Step ok = send(w, submit_event("Hi", "", ""));
  const json* post = effect(ok, "fetch", "/api/comments");
  REQUIRE(post);
  CHECK((*post)["method"] == "POST");
}

TEST_CASE("\"required-fields\": the markers stay and name and email are required") {
  Offered o;  // kOptions: required-fields
  const json* mark = o.offered.patch("attr", "required-author");
  REQUIRE(mark);
  CHECK((*mark)["value"].is_null());  // not hidden
  const Step s = send(o.w, submit_event("Hi", "", ""));
  CHECK(effect(s, "fetch") == nullptr);
  CHECK(s.html("error-author").find("Please enter your name.") != std::string::npos);
  CHECK(s.html("error-email").find("Please enter your email address.") != std::string::npos);
}

TEST_CASE("a Mastodon provider asks for the reader's server, checked and remembered") {
  Offered o;
  const Step ask = send(o.w, action("login", "masto"));
  CHECK(effect(ask, "popup") == nullptr);
  CHECK(ask.html("login").find("Your Mastodon server") != std::string::npos);
  send(o.w, {{"type", "input"}, {"field", "instance"}, {"value", "not a host"}});
  const Step bad = send(o.w, action("login-instance"));
  CHECK(effect(bad, "popup") == nullptr);
  CHECK(bad.html("login").find("Please enter the name of your server") != std::string::npos);
  send(o.w, {{"type", "input"}, {"field", "instance"}, {"value", " https://Mastodon.Social/ "}});
  const Step go = send(o.w, action("login-instance"));
  const json* popup = effect(go, "popup");
  REQUIRE(popup);
  CHECK((*popup)["path"] ==
        "/auth/start?site=blog&provider=masto&origin=https%3A//blog.example"
        "&instance=mastodon.social");
  const json* save = effect(go, "save");
  REQUIRE(save);
  CHECK((*save)["key"] == "parley:instance");
  CHECK((*save)["value"] == "mastodon.social");
}

}  // namespace parley::test
