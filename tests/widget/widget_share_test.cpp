// The share bar in the state machine: parts, host abilities, the actions and their
// effects, the fediverse server flow (checked, looked up, remembered, changed) and the
// click beacon.
#include <string>

#include "widget_test_util.hpp"

namespace parley::test {
namespace {

json share_start(json share, const char* parts = "share,comments") {
  json e = start_event();
  e["parts"] = parts;
  e["share"] = std::move(share);
  return e;
}

const json kPage = {{"targets", "x,mastodon,copy,native,print,sms"},
                    {"url", "https://blog.example/raids/"},
                    {"description", "About raids."}};

bool has(const std::string& s, std::string_view needle) {
  return s.find(needle) != std::string::npos;
}

json action(const char* name) {
  return {{"type", "action"}, {"action", name}};
}

json server_submit(const char* value) {
  return {{"type", "submit"}, {"form", "server"}, {"fields", {{"server", value}}}};
}

}  // namespace

TEST_CASE("parts render in the owner's order; without comments nothing is fetched") {
  Widget both;
  Step s = send(both, share_start(kPage, "comments,share"));
  const std::string root = s.html("root");
  CHECK(root.find("parley-comments") < root.find("parley-spread"));
  // The thread, the live stream, the site's login offer (widget_login_test.cpp) and
  // warming up (widget_thread_test.cpp).
  REQUIRE(s.effects.size() == 4);
  CHECK(s.effects[2]["path"].get<std::string>().starts_with("/api/login?site="));

  Widget alone;
  s = send(alone, share_start(kPage, "share"));
  CHECK(has(s.html("root"), "parley-spread"));
  CHECK_FALSE(has(s.html("root"), "parley-comments"));
  CHECK(s.effects.empty());
}

TEST_CASE("native share and SMS appear only where the host says the browser can") {
  Widget desktop;
  std::string root = send(desktop, share_start(kPage)).html("root");
  CHECK_FALSE(has(root, "spread-native"));
  CHECK_FALSE(has(root, "sms:"));
  json touch = kPage;
  touch["can_share"] = true;
  touch["touch"] = true;
  Widget phone;
  root = send(phone, share_start(touch)).html("root");
  CHECK(has(root, "data-parley-action=\"spread-native\""));
  CHECK(has(root, "href=\"sms:?&amp;body="));
}

TEST_CASE("copy, native share and print are effects, each counted by a beacon") {
  json page = kPage;
  page["can_share"] = true;
  Widget w;
  send(w, share_start(page));
  const json beacon = {{"kind", "beacon"},
                       {"path", "/api/share-clicks?site=blog"},
                       {"body", R"({"page":"/2011/07/raids/","target":"copy"})"}};
  Step s = send(w, action("spread-copy"));
  REQUIRE(s.effects.size() == 2);
  CHECK(s.effects[0] == json{{"kind", "copy"}, {"text", "https://blog.example/raids/"}});
  CHECK(s.effects[1] == beacon);
  s = send(w, action("spread-native"));
  CHECK(s.effects[0] == json{{"kind", "share"},
                             {"title", "Raids"},
                             {"text", "About raids."},
                             {"url", "https://blog.example/raids/"}});
  s = send(w, action("spread-print"));
  CHECK(s.effects[0] == json{{"kind", "print"}});
  CHECK(s.effects[1]["body"] == R"({"page":"/2011/07/raids/","target":"print"})");
}

TEST_CASE("\"Link copied\" is announced each time, and a failed copy says so") {
  Widget w;
  send(w, share_start(kPage));
  const std::string first = send(w, {{"type", "copied"}, {"ok", true}}).html("spread-status");
  const std::string second = send(w, {{"type", "copied"}, {"ok", true}}).html("spread-status");
  CHECK(has(first, "Link copied"));
  CHECK(has(second, "Link copied"));
  CHECK(first != second);  // a change the live region announces again
  CHECK(has(send(w, {{"type", "copied"}, {"ok", false}}).html("spread-status"),
            "could not be copied"));
}

TEST_CASE("a share link click is counted; unknown targets and owner opt-out are not") {
  Widget w;
  send(w, share_start(kPage));
  Step s = send(w, {{"type", "spread"}, {"target", "x"}});
  REQUIRE(s.effects.size() == 1);
  CHECK(s.effects[0]["body"] == R"({"page":"/2011/07/raids/","target":"x"})");
  CHECK(send(w, {{"type", "spread"}, {"target", "myspace"}}).effects.empty());

  json off = kPage;
  off["clicks"] = false;
  Widget quiet;
  send(quiet, share_start(off));
  CHECK(send(quiet, {{"type", "spread"}, {"target", "x"}}).effects.empty());
  CHECK(send(quiet, action("spread-copy")).effects.size() == 1);
}

TEST_CASE("the fediverse server: asked, checked, looked up, remembered") {
  Widget w;
  send(w, share_start(kPage));
  Step s = send(w, action("spread-server-mastodon"));
  CHECK(has(s.html("spread-server"), "Your Mastodon server"));
  CHECK(s.patch("focus", "field-server"));

  s = send(w, server_submit("not a server"));
  CHECK(has(s.html("spread-server"), "Enter the name of your server, like mastodon.social."));
  CHECK(has(s.html("spread-server"), "aria-invalid=\"true\""));
  CHECK(s.effects.empty());

  s = send(w, server_submit(" https://Misskey.IO/ "));
  REQUIRE(s.effects.size() == 1);
  CHECK(s.effects[0]["path"] == "/api/nodeinfo?site=blog&host=misskey.io");
  const int id = fetch_id(s);
  s = send(w, response(id, 200, {{"host", "misskey.io"}, {"software", "misskey"}}));
  CHECK(s.effects[0] == json{{"kind", "save"},
                             {"key", "parley:fediverse"},
                             {"value", {{"host", "misskey.io"}, {"software", "misskey"}}}});
  CHECK(has(s.html("spread-list"), "href=\"https://misskey.io/share?text="));
  CHECK(s.html("spread-server").empty());
  CHECK(s.patch("focus", "spread-misskey"));
  CHECK(has(s.html("spread-status"), "Ready to share on misskey.io."));
}

TEST_CASE("without a NodeInfo answer the reader still gets Mastodon's compose URL") {
  Widget w;
  send(w, share_start(kPage));
  send(w, action("spread-server-mastodon"));
  const Step s = send(w, server_submit("social.example"));
  const Step r = send(w, response(fetch_id(s), 404, {{"error", "not_found"}}));
  CHECK(has(r.html("spread-list"), "href=\"https://social.example/share?text="));
  CHECK(r.patch("focus", "spread-mastodon"));
  // The reader is told the guess, not left to find out.
  CHECK(has(r.html("spread-status"),
            "Ready to share on social.example. Its software is unknown: Mastodon&#39;s share "
            "page is used."));

  // parleyd unreachable (status 0): the same fallback, said the same way.
  Widget offline;
  send(offline, share_start(kPage));
  send(offline, action("spread-server-mastodon"));
  const Step o = send_raw(
      offline, response(fetch_id(send(offline, server_submit("a.example"))), 0, nullptr).dump());
  CHECK(has(o.html("spread-status"), "Its software is unknown"));
}

TEST_CASE("a server parleyd refuses to look up (not public) is asked for again") {
  Widget w;
  send(w, share_start(kPage));
  send(w, action("spread-server-mastodon"));
  const Step s = send(w, server_submit("intranet.example"));
  const Step r = send(w, response(fetch_id(s), 400, {{"error", "invalid"}, {"field", "host"}}));
  CHECK(has(r.html("spread-server"), "Enter the name of your server, like mastodon.social."));
  CHECK(has(r.html("spread-server"), "value=\"intranet.example\""));
  CHECK(r.patch("focus", "field-server"));
  CHECK(r.effects.empty());  // nothing saved
  CHECK_FALSE(r.touches("spread-list"));
}

TEST_CASE("a remembered server is used at once, checked again, and can be changed") {
  json page = kPage;
  page["server"] = {{"host", "lemmy.world"}, {"software", "lemmy"}};
  Widget w;
  Step s = send(w, share_start(page));
  CHECK(has(s.html("root"), "href=\"https://lemmy.world/create_post?url="));
  s = send(w, action("spread-change-mastodon"));
  CHECK(s.effects[0] == json{{"kind", "save"}, {"key", "parley:fediverse"}, {"value", nullptr}});
  CHECK(has(s.html("spread-list"), "data-parley-action=\"spread-server-mastodon\""));
  CHECK(has(s.html("spread-server"), "value=\"lemmy.world\""));

  json forged = kPage;
  forged["server"] = {{"host", "evil.example/path?x=<script>"}, {"software", "lemmy"}};
  Widget w2;
  CHECK_FALSE(has(send(w2, share_start(forged)).html("root"), "evil.example"));
}

}  // namespace parley::test
