// The state machine, driven by the events the host sends, checked by the patches and
// effects a reader would see the result of.
#include <doctest/doctest.h>

#include "core/limits.hpp"
#include "widget_test_util.hpp"

using parley::test::json;
using parley::test::send;
using parley::test::send_raw;
using parley::test::Step;
using parley::widget::Widget;

namespace {

constexpr std::int64_t kNow = 1764477923;
constexpr int kMinute = 60;

json start_event(json saved = nullptr) {
  return {{"type", "start"},  {"site", "blog"}, {"page", "/2011/07/raids/"},
          {"title", "Raids"}, {"now", kNow},    {"saved", std::move(saved)}};
}

json wire(std::int64_t id, std::int64_t parent, int depth, const char* author,
          std::int64_t age_seconds) {
  return {{"id", id},
          {"parent", parent},
          {"depth", depth},
          {"author", author},
          {"website", ""},
          {"html", std::string("<p>by ") + author + "</p>"},
          {"created", kNow - age_seconds}};
}

json response(int request, int status, const json& body) {
  return {{"type", "response"}, {"request", request}, {"status", status}, {"body", body.dump()}};
}

int fetch_id(const Step& s) {
  return s.effects.at(0).at("request").get<int>();
}

// A started widget showing Ana's comment (id 1) with Bo's reply (id 2).
struct Loaded {
  Widget w;
  Loaded() {
    const Step start = send(w, start_event());
    const json thread = {{"page", "/2011/07/raids/"},
                         {"count", 2},
                         {"comments", {wire(1, 0, 0, "Ana", 3 * 3600), wire(2, 1, 1, "Bo", 90)}}};
    send(w, response(fetch_id(start), 200, thread));
  }
};

json submit_event(const char* text, const char* author = "Cy", const char* email = "cy@example.org",
                  bool save = true) {
  return {
      {"type", "submit"},
      {"fields",
       {{"text", text}, {"author", author}, {"email", email}, {"website", ""}, {"save", save}}}};
}

// Submits a valid comment and returns the POST's request id.
int post(Widget& w, const char* text = "Hello") {
  const Step s = send(w, submit_event(text));
  REQUIRE(s.effects.size() == 1);
  return fetch_id(s);
}

}  // namespace

TEST_CASE("start renders the skeleton once and fetches the thread") {
  Widget w;
  const Step s = send(w, start_event());
  REQUIRE(s.patches.size() == 1);
  CHECK(s.patches[0]["op"] == "html");
  CHECK(s.patches[0]["key"] == "root");
  const std::string root = s.patches[0]["html"];
  CHECK(root.find("Loading comments\u2026") != std::string::npos);
  CHECK(root.find(">Leave a Reply</h3>") != std::string::npos);
  REQUIRE(s.effects.size() == 1);
  CHECK(s.effects[0] == json{{"kind", "fetch"},
                             {"request", 1},
                             {"method", "GET"},
                             {"path", "/api/comments?site=blog&page=/2011/07/raids/"}});
  CHECK(send(w, start_event()).patches.empty());  // a second start changes nothing
}

TEST_CASE("the page key is encoded as one query component") {
  Widget w;
  json e = start_event();
  e["page"] = "/a b/?x=1&y#z";
  const Step s = send(w, e);
  CHECK(s.effects[0]["path"] == "/api/comments?site=blog&page=/a%20b/%3Fx%3D1%26y%23z");
}

TEST_CASE("saved details are restored into the form with the save box checked") {
  Widget w;
  const Step s = send(w, start_event({{"author", "Ana"},
                                      {"email", "ana@example.org"},
                                      {"website", "https://ana.example"}}));
  const std::string root = s.html("root");
  CHECK(root.find(R"(value="ana@example.org")") != std::string::npos);
  CHECK(root.find(R"(value="https://ana.example")") != std::string::npos);
  CHECK(root.find(R"(checked="")") != std::string::npos);
}

TEST_CASE("the thread response renders the heading and the tree") {
  Widget w;
  const int id = fetch_id(send(w, start_event()));
  const json body = {{"comments", {wire(1, 0, 0, "Ana", 3600), wire(2, 1, 1, "Bo", 60)}}};
  const Step s = send(w, response(id, 200, body));
  CHECK(s.html("count") == "2 Responses to \u201CRaids\u201D");
  const std::string thread = s.html("thread");
  CHECK(thread.find(R"(id="parley-comment-1")") < thread.find(R"(data-parley-key="children-1")"));
  CHECK(thread.find(R"(data-parley-key="children-1")") < thread.find(R"(id="parley-comment-2")"));
  CHECK(thread.find("an hour ago") != std::string::npos);
  CHECK(s.effects.empty());
}

TEST_CASE("an empty thread reads No Responses yet") {
  Widget w;
  const int id = fetch_id(send(w, start_event()));
  const Step s =
      send(w, response(id, 200, {{"page", "/p/"}, {"count", 0}, {"comments", json::array()}}));
  CHECK(s.html("count") == "No Responses yet");
}

TEST_CASE("a failed or garbled thread load explains itself and leaves the form usable") {
  Widget w;
  const int id = fetch_id(send(w, start_event()));
  SUBCASE("network error") {
    const Step s = send(w, {{"type", "response"}, {"request", id}, {"status", 0}, {"body", ""}});
    CHECK(s.html("status").find("Could not reach the comment server") != std::string::npos);
  }
  SUBCASE("server error with a message") {
    const Step s =
        send(w, response(id, 404, {{"error", "unknown_site"}, {"message", "No such site."}}));
    CHECK(s.html("status") == "Comments could not be loaded: No such site.");
  }
  SUBCASE("200 with a body that is not the API's") {
    const Step s = send_raw(
        w, json{{"type", "response"}, {"request", id}, {"status", 200}, {"body", "<html>"}}.dump());
    CHECK(s.html("status") == "Comments could not be loaded (error 200).");
  }
  // Posting still works afterwards.
  CHECK(send(w, submit_event("Still here")).effects.size() == 1);
}

TEST_CASE("reply moves the form under the comment, retitles it and focuses the text") {
  Loaded l;
  const Step s = send(l.w, {{"type", "action"}, {"action", "reply"}, {"id", 2}});
  CHECK(s.html("form-title").find("Reply to <span class=\"parley-reply-to\">Bo</span>") == 0);
  const json* move = s.patch("move", "form");
  REQUIRE(move);
  CHECK((*move)["to"] == "reply-slot-2");
  CHECK(s.patch("focus", "field-text"));

  const Step cancel = send(l.w, {{"type", "action"}, {"action", "cancel"}, {"id", 0}});
  REQUIRE(cancel.patch("move", "form"));
  CHECK((*cancel.patch("move", "form"))["to"] == "form-home");
  CHECK(cancel.html("form-title") == "Leave a Reply");
}

TEST_CASE("reply to an unknown comment does nothing") {
  Loaded l;
  const Step s = send(l.w, {{"type", "action"}, {"action", "reply"}, {"id", 99}});
  CHECK(s.patches.empty());
  CHECK(s.effects.empty());
}

TEST_CASE("typing never patches the field being typed in; the preview follows it") {
  Loaded l;
  const json typing = {{"type", "input"}, {"field", "text"}, {"value", "Some *stress*"}};
  CHECK(send(l.w, typing).patches.empty());  // preview hidden: nothing to do

  const Step shown = send(l.w, {{"type", "action"}, {"action", "preview"}, {"id", 0}});
  CHECK(shown.html("preview") == "<p>Some <em>stress</em></p>\n");
  const json* unhide = shown.patch("attr", "preview");
  REQUIRE(unhide);
  CHECK((*unhide)["name"] == "hidden");
  CHECK((*unhide)["value"].is_null());

  const Step typed = send(l.w, {{"type", "input"}, {"field", "text"}, {"value", "<b>bold</b>"}});
  REQUIRE(typed.patches.size() == 1);
  CHECK(typed.patches[0]["key"] == "preview");
  CHECK(typed.html("preview") == "<p>&lt;b&gt;bold&lt;/b&gt;</p>\n");
  CHECK_FALSE(typed.touches("field-text"));

  const Step empty = send(l.w, {{"type", "input"}, {"field", "text"}, {"value", ""}});
  CHECK(empty.html("preview").find("Nothing to preview") != std::string::npos);

  const Step back = send(l.w, {{"type", "action"}, {"action", "write"}, {"id", 0}});
  CHECK((*back.patch("attr", "preview"))["value"] == "");
}

TEST_CASE("an invalid submit shows messages by the fields and sends nothing") {
  Loaded l;
  const Step s = send(l.w, submit_event("   ", "Cy", "not-an-email"));
  CHECK(s.effects.empty());
  CHECK(s.html("error-text") == "Please type your comment text.");
  CHECK(s.html("error-email").find("valid email address") != std::string::npos);
  CHECK((*s.patch("attr", "field-email"))["value"] == "true");
  CHECK(s.patch("focus", "field-text"));
  CHECK_FALSE(s.patch("focus", "field-email"));
  CHECK_FALSE(s.patch("attr", "submit"));

  // Fixing the email by typing clears its message, and only its own.
  const Step fixed =
      send(l.w, {{"type", "input"}, {"field", "email"}, {"value", "cy@example.org"}});
  CHECK(fixed.html("error-email").empty());
  CHECK((*fixed.patch("attr", "field-email"))["value"].is_null());
  CHECK_FALSE(fixed.touches("error-text"));
  CHECK_FALSE(fixed.patch("value", "field-email"));  // its value is the reader's
}

TEST_CASE("leaving a field checks it, unless it was left empty") {
  Loaded l;
  CHECK(send(l.w, {{"type", "blur"}, {"field", "email"}, {"value", ""}}).patches.empty());
  const Step bad = send(l.w, {{"type", "blur"}, {"field", "website"}, {"value", "ftp://x"}});
  CHECK(bad.html("error-website") ==
        "Please enter a web address starting with http:// or https://.");
}

TEST_CASE("a valid submit posts the normalised draft and disables the button") {
  Loaded l;
  send(l.w, {{"type", "action"}, {"action", "reply"}, {"id", 1}});
  const Step s = send(l.w, submit_event("Line one\r\nLine two  \r\n", "  Cy  "));
  REQUIRE(s.effects.size() == 1);
  const json& fetch = s.effects[0];
  CHECK(fetch["method"] == "POST");
  CHECK(fetch["path"] == "/api/comments?site=blog");
  const json body = json::parse(fetch["body"].get<std::string>());
  CHECK(body["text"] == "Line one\nLine two");
  CHECK(body["author"] == "Cy");
  CHECK(body["email"] == "cy@example.org");
  CHECK(body["parent"] == 1);
  CHECK(body["page"] == "/2011/07/raids/");
  CHECK(body["title"] == "Raids");
  CHECK((*s.patch("attr", "submit"))["name"] == "disabled");
  CHECK(s.html("status") == "Posting your comment\u2026");

  // While it is in flight a second submit sends nothing.
  CHECK(send(l.w, submit_event("again")).effects.empty());
}

TEST_CASE("a reply to a comment at the depth limit is posted as its sibling") {
  Widget w;
  const int id = fetch_id(send(w, start_event()));
  json comments = json::array();
  for (int i = 0; i <= parley::limits::kMaxDepth; ++i) {
    comments.push_back(wire(i + 1, i, i, "A", 1000 - i));
  }
  send(w, response(id, 200, {{"comments", comments}}));
  const std::int64_t deepest = parley::limits::kMaxDepth + 1;
  send(w, {{"type", "action"}, {"action", "reply"}, {"id", deepest}});
  const Step s = send(w, submit_event("deep"));
  CHECK(json::parse(s.effects.at(0)["body"].get<std::string>())["parent"] == deepest - 1);
}

TEST_CASE("201 appends the comment, updates the count, clears the text, remembers details") {
  Loaded l;
  send(l.w, {{"type", "action"}, {"action", "reply"}, {"id", 1}});
  const int id = post(l.w, "Hello");
  const Step s = send(l.w, response(id, 201, wire(3, 1, 1, "Cy", 0)));
  const json* added = s.patch("append", "children-1");
  REQUIRE(added);
  CHECK((*added)["html"].get<std::string>().find(R"(id="parley-comment-3")") != std::string::npos);
  CHECK((*added)["html"].get<std::string>().find("parley-depth-1") != std::string::npos);
  CHECK(s.html("count") == "3 Responses to \u201CRaids\u201D");
  const json* cleared = s.patch("value", "field-text");
  REQUIRE(cleared);
  CHECK((*cleared)["value"] == "");
  CHECK_FALSE(s.patch("value", "field-author"));  // name/email/website stay as typed
  CHECK((*s.patch("move", "form"))["to"] == "form-home");
  CHECK(s.html("status") == "Your comment was posted.");
  CHECK((*s.patch("attr", "submit"))["value"].is_null());
  REQUIRE(s.effects.size() == 1);
  CHECK(s.effects[0] ==
        json{{"kind", "save"},
             {"key", "parley:author"},
             {"value", {{"author", "Cy"}, {"email", "cy@example.org"}, {"website", ""}}}});
}

TEST_CASE("a top-level post is appended to the thread; unchecked save forgets details") {
  Loaded l;
  const Step sent = send(l.w, submit_event("Top", "Cy", "cy@example.org", /*save=*/false));
  const Step s = send(l.w, response(fetch_id(sent), 201, wire(3, 0, 0, "Cy", 0)));
  CHECK(s.patch("append", "thread"));
  CHECK_FALSE(s.patch("move", "form"));  // it never left home
  CHECK(s.effects[0]["value"].is_null());
}

TEST_CASE("400 with field errors shows the server's messages next to the fields") {
  Loaded l;
  const int id = post(l.w);
  const json body = {
      {"error", "invalid"},
      {"field", "email"},
      {"message", "That address bounces."},
      {"errors",
       {{{"field", "email"}, {"code", "invalid"}, {"message", "That address bounces."}}}}};
  const Step s = send(l.w, response(id, 400, body));
  CHECK(s.html("error-email") == "That address bounces.");
  CHECK(s.patch("focus", "field-email"));
  CHECK_FALSE(s.patch("value", "field-text"));
  CHECK((*s.patch("attr", "submit"))["value"].is_null());
}

TEST_CASE("400 about a field the reader cannot edit goes to the status line") {
  Loaded l;
  const int id = post(l.w);
  const json body = {{"error", "invalid"},
                     {"errors",
                      {{{"field", "parent"},
                        {"code", "invalid"},
                        {"message", "The comment you reply to does not exist."}}}}};
  const Step s = send(l.w, response(id, 400, body));
  CHECK(s.html("status") == "The comment you reply to does not exist.");
}

TEST_CASE("429 asks the reader to wait, with the server's delay when it gives one") {
  Loaded l;
  const Step s =
      send(l.w, response(post(l.w), 429, {{"error", "rate_limited"}, {"retry_after", 30}}));
  CHECK(s.html("status") == "You are commenting too quickly. Try again in 30 seconds.");
  json e = response(post(l.w), 429, {{"error", "rate_limited"}});
  e["retry_after"] = 1;
  CHECK(send(l.w, e).html("status") == "You are commenting too quickly. Try again in 1 second.");
}

TEST_CASE("a network failure keeps the typed text and lets the reader try again") {
  Loaded l;
  const Step s = send(
      l.w, {{"type", "response"}, {"request", post(l.w, "Keep me")}, {"status", 0}, {"body", ""}});
  CHECK(s.html("status") == "Could not reach the comment server. Your comment is kept; try again.");
  CHECK_FALSE(s.touches("field-text"));
  CHECK((*s.patch("attr", "submit"))["value"].is_null());
  const Step retry = send(l.w, submit_event("Keep me"));
  REQUIRE(retry.effects.size() == 1);
  CHECK(json::parse(retry.effects[0]["body"].get<std::string>())["text"] == "Keep me");
}

TEST_CASE("a server error says so and keeps the text") {
  Loaded l;
  const Step s = send(
      l.w, response(post(l.w), 500, {{"error", "internal"}, {"message", "Database is locked"}}));
  CHECK(s.html("status") ==
        "Your comment could not be posted: Database is locked. Your comment is kept; try again.");
  CHECK_FALSE(s.touches("field-text"));
}

TEST_CASE("201 with an unreadable body still clears the posted text") {
  Loaded l;
  const Step s = send(l.w, response(post(l.w), 201, json("surprise")));
  CHECK(s.html("status") == "Your comment was posted. Reload the page to see it.");
  CHECK(s.patch("value", "field-text"));
  CHECK_FALSE(s.patch("append", "thread"));
}

TEST_CASE("malformed events become a status message, never a crash") {
  Loaded l;
  for (const char* bad :
       {"", "{", "[1,2]", "null", "\"start\"", R"({"type":"explode"})", R"({"type":42})",
        "{\"type\":\"input\",\"field\":\"text\",\"value\":\"\xff\"}"}) {
    CAPTURE(bad);
    const Step s = send_raw(l.w, bad);
    CHECK(s.effects.empty());
    REQUIRE(s.patches.size() == 1);
    CHECK(s.patches[0]["key"] == "status");
    CHECK(s.html("status").rfind("Parley: ", 0) == 0);
  }
  // Members of the wrong type read as empty rather than failing.
  const Step odd = send(l.w, {{"type", "submit"}, {"fields", {{"text", 7}, {"save", "yes"}}}});
  CHECK(odd.effects.empty());
  CHECK(odd.html("error-text") == "Please type your comment text.");
  // And the widget still works.
  CHECK(send(l.w, submit_event("fine")).effects.size() == 1);
}

TEST_CASE("responses nobody waits for are ignored") {
  Loaded l;
  CHECK(send(l.w, response(77, 201, wire(9, 0, 0, "Eve", 0))).patches.empty());
}

TEST_CASE("tick refreshes only the dates whose wording changed") {
  Loaded l;  // Ana: 3 hours old, Bo: 90 seconds old ("a minute ago")
  const Step s = send(l.w, {{"type", "tick"}, {"now", kNow + kMinute}});
  CHECK(s.patches.size() == 1);
  CHECK(s.html("date-2") == "2 minutes ago");
  CHECK(send(l.w, {{"type", "tick"}, {"now", kNow + kMinute + 1}}).patches.empty());
}

TEST_CASE("two widgets on one page render distinct element ids") {
  Widget first;
  Widget second;
  const std::string a = send(first, start_event()).html("root");
  const std::string b = send(second, start_event()).html("root");
  const auto textarea_id = [](const std::string& html) {
    const auto start = html.find("id=\"", html.find("<textarea")) + 4;
    return html.substr(start, html.find('"', start) - start);
  };
  CHECK(textarea_id(a) != textarea_id(b));
  // Each label still points at its own textarea.
  CHECK(b.find("for=\"" + textarea_id(b) + "\"") != std::string::npos);
  CHECK(a.find("for=\"" + textarea_id(b) + "\"") == std::string::npos);
}
