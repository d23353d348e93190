// The state machine driven like the host drives it: typing, preview, validation,
// posting and every answer a post can get.
#include <doctest/doctest.h>

#include "widget_test_util.hpp"

// The fixtures (start_event, wire, Loaded, ...) are the vocabulary of these tests.
using namespace parley::test;

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

TEST_CASE("the honeypot field goes to the server only when filled in (docs/spam.md)") {
  Loaded l;
  json event = submit_event("Hello");
  const json quiet = json::parse(send(l.w, event).effects[0]["body"].get<std::string>());
  CHECK_FALSE(quiet.contains("fax"));
  Loaded bot;
  event["fields"]["fax"] = "+1 555 0100";
  const json caught = json::parse(send(bot.w, event).effects[0]["body"].get<std::string>());
  CHECK(caught["fax"] == "+1 555 0100");
  CHECK(caught["text"] == "Hello");
}

TEST_CASE("the follow-up mail checkbox shows where the server mails and asks for an email") {
  Widget w;
  const Step start = send(w, start_event());
  const json thread = {
      {"page", "/2011/07/raids/"}, {"count", 0}, {"notify", true}, {"comments", json::array()}};
  const Step loaded = send(w, response(fetch_id(start), 200, thread));
  const json* shown = loaded.patch("attr", "notify");
  REQUIRE(shown);
  CHECK((*shown)["name"] == "hidden");
  CHECK((*shown)["value"].is_null());
  const json* posts = loaded.patch("attr", "notify-posts");
  REQUIRE(posts);
  CHECK((*posts)["value"].is_null());

  // Ticked without an address: the email field says why, nothing is sent.
  json event = submit_event("Hello", "Cy", "");
  event["fields"]["notify_replies"] = true;
  const Step refused = send(w, event);
  CHECK(refused.effects.empty());
  CHECK(refused.html("error-email") == "Please enter your email address.");

  event["fields"]["email"] = "cy@example.org";
  const Step sent = send(w, event);
  REQUIRE(sent.effects.size() == 1);
  const json body = json::parse(sent.effects[0]["body"].get<std::string>());
  CHECK(body["notify_replies"] == true);
  CHECK(body["email"] == "cy@example.org");
}

TEST_CASE("the new-posts box asks for an email too and sends notify_posts") {
  Loaded l;
  json event = submit_event("Hello", "Cy", "");
  event["fields"]["notify_posts"] = true;
  const Step refused = send(l.w, event);
  CHECK(refused.effects.empty());
  CHECK(refused.html("error-email") == "Please enter your email address.");
  event["fields"]["email"] = "cy@example.org";
  const Step sent = send(l.w, event);
  REQUIRE(sent.effects.size() == 1);
  const json body = json::parse(sent.effects[0]["body"].get<std::string>());
  CHECK(body["notify_posts"] == true);
  CHECK_FALSE(body.contains("notify_replies"));
}

TEST_CASE("an unticked follow-up box asks for no mail") {
  Loaded l;  // its thread has no "notify"
  const json body =
      json::parse(send(l.w, submit_event("Hello")).effects[0]["body"].get<std::string>());
  CHECK_FALSE(body.contains("notify_replies"));
  CHECK_FALSE(body.contains("notify_posts"));
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
