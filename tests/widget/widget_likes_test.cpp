// Likes in the state machine: loading the counts, the first like keeping a random
// token, clicks shown at once and rolled back with a message when refused, hearts on
// comments, and counts others change arriving live.
#include <string>

#include "widget_test_util.hpp"

namespace parley::test {
namespace {

constexpr const char* kRandom = "0123456789abcdef0123456789abcdef";
constexpr const char* kSaved = "savedtoken_0123456789";
constexpr int kLikesRequest = 3;  // after the thread's (1) and the login offer's (2)

json start_with(const char* saved_token) {
  json e = start_event();
  e["random"] = kRandom;
  if (saved_token) e["like_token"] = saved_token;
  return e;
}

json page_likes(int count, bool liked, const json& comments = json::array()) {
  return {{"page", "/2011/07/raids/"},
          {"comment", 0},
          {"count", count},
          {"liked", liked},
          {"recent", {{{"avatar", "0a1b2c3d"}}}},
          {"comments", comments},
          {"require_login", false}};
}

json summary(std::int64_t comment, int count, bool liked) {
  return {{"page", "/2011/07/raids/"},
          {"comment", comment},
          {"count", count},
          {"liked", liked},
          {"recent", {{{"avatar", "ffffffff"}}, {{"avatar", "0a1b2c3d"}}}}};
}

json like(std::int64_t id) {
  return {{"type", "action"}, {"action", "like"}, {"id", id}};
}

json likes_changed(std::int64_t comment, int count) {
  const json data = {{"type", "likes.changed"},
                     {"comment", comment},
                     {"likes", {{"count", count}, {"recent", {{{"avatar", "12345678"}}}}}}};
  return {{"type", "live"}, {"data", data.dump()}, {"id", "9"}};
}

std::string pressed(const Step& s, std::int64_t id) {
  const json* p = s.patch("attr", "like-" + std::to_string(id));
  return p ? (*p)["value"].get<std::string>() : std::string("<no attr patch>");
}

// Ada's session, as GET /api/session answers it for the stored token "tok.en".
const json kAda = {{"name", "Ada"},
                   {"avatar", "https://img.example/ada.png"},
                   {"provider", "local"},
                   {"provider_name", "Local ID"},
                   {"expires", kNow + 3600}};

// A start event with Ada's session token stored (and the embed's parts, if given).
json start_signed_in(const char* like_token, const char* parts = nullptr) {
  json e = start_with(like_token);
  e["token"] = "tok.en";
  if (parts) e["parts"] = parts;
  return e;
}

// Answers the stored session's check of `started` (with Ada's session by default).
Step answer_session(Widget& w, const Step& started, int status = 200, const json& body = kAda) {
  const json* session = effect(started, "fetch", "/api/session");
  REQUIRE(session);
  CHECK((*session)["bearer"] == "tok.en");
  return send(w, response((*session)["request"], status, body));
}

// A widget with Ana's comment (1) and Bo's reply (2), whose likes have loaded: the
// page liked by 2 (not this reader), comment 1 by 3 including this reader.
struct LikesLoaded {
  Widget w;
  explicit LikesLoaded(const char* saved_token = nullptr) {
    send(w, start_with(saved_token));
    const json thread = {{"comments", {wire(1, 0, 0, "Ana", 3 * 3600), wire(2, 1, 1, "Bo", 90)}}};
    send(w, response(1, 200, thread));
    send(w, response(kLikesRequest, 200,
                     page_likes(2, false, {{{"id", 1}, {"count", 3}, {"liked", true}}})));
  }
};

}  // namespace

TEST_CASE("start shows the Like block and asks for the page's likes") {
  Widget w;
  const Step s = send(w, start_with(nullptr));
  const std::string root = s.html("root");
  CHECK(root.find(R"(class="parley-likes")") < root.find(R"(class="parley-comments")"));
  REQUIRE(s.effects.size() == 5);  // the last: warming up (widget_thread_test.cpp)
  CHECK(s.effects[3] == json{{"kind", "fetch"},
                             {"request", kLikesRequest},
                             {"method", "GET"},
                             {"path", "/api/likes?site=blog&page=/2011/07/raids/"}});
  // A reader who liked before is recognised by the token the browser kept.
  Widget again;
  CHECK(send(again, start_with(kSaved)).effects[3]["path"] ==
        std::string("/api/likes?site=blog&page=/2011/07/raids/&token=") + kSaved);
}

TEST_CASE("loaded likes: the sentence, the avatars, the hearts of the thread") {
  Widget w;
  send(w, start_with(nullptr));
  send(w, response(1, 200, {{"comments", {wire(1, 0, 0, "Ana", 60), wire(2, 1, 1, "Bo", 30)}}}));
  const Step s = send(w, response(kLikesRequest, 200,
                                  page_likes(2, false,
                                             {{{"id", 1}, {"count", 3}, {"liked", true}},
                                              {{"id", 99}, {"count", 1}}})));
  CHECK(s.html("like-count-0") == "2 bloggers like this");
  CHECK(pressed(s, 0) == "false");
  CHECK(s.html("likers").find("<svg class=\"parley-liker-avatar\"") != std::string::npos);
  CHECK(s.html("like-count-1") == "3");
  CHECK(pressed(s, 1) == "true");
  CHECK_FALSE(s.touches("like-99"));  // not in the thread: no region to patch
}

TEST_CASE("a thread arriving after the likes renders its hearts with their counts") {
  Widget w;
  send(w, start_with(nullptr));
  send(w, response(kLikesRequest, 200, page_likes(0, false, {{{"id", 1}, {"count", 4}}})));
  const Step s = send(w, response(1, 200, {{"comments", {wire(1, 0, 0, "Ana", 60)}}}));
  const std::string thread = s.html("thread");
  CHECK(thread.find(R"(aria-label="Like this comment by Ana")") != std::string::npos);
  CHECK(thread.find(R"(data-parley-key="like-count-1">4</span>)") != std::string::npos);
}

TEST_CASE("the first like keeps the random token; the click shows at once") {
  LikesLoaded l;
  const Step s = send(l.w, like(0));
  REQUIRE(s.effects.size() == 2);
  CHECK(s.effects[0] == json{{"kind", "save"}, {"key", "parley:like-token"}, {"value", kRandom}});
  CHECK(s.effects[1]["method"] == "POST");
  CHECK(s.effects[1]["path"] == "/api/likes?site=blog");
  CHECK(json::parse(s.effects[1]["body"].get<std::string>()) ==
        json{{"page", "/2011/07/raids/"}, {"comment", 0}, {"token", kRandom}});
  CHECK(pressed(s, 0) == "true");
  CHECK(s.html("like-count-0") == "3 bloggers like this");
  CHECK(s.html("like-message-0").empty());

  // The server's answer brings the new avatars (this reader's first).
  const Step done = send(l.w, response(s.effects[1]["request"], 200, summary(0, 3, true)));
  CHECK(done.html("like-count-0") == "3 bloggers like this");
  CHECK(done.html("likers").find("</svg></li><li") != std::string::npos);

  // Unliking: no new token, a DELETE.
  const Step un = send(l.w, like(0));
  REQUIRE(un.effects.size() == 1);
  CHECK(un.effects[0]["method"] == "DELETE");
  CHECK(pressed(un, 0) == "false");
  CHECK(un.html("like-count-0") == "2 bloggers like this");
}

TEST_CASE("a saved token is used as it is, and never saved again") {
  LikesLoaded l(kSaved);
  const Step s = send(l.w, like(2));
  REQUIRE(s.effects.size() == 1);
  CHECK(json::parse(s.effects[0]["body"].get<std::string>())["token"] == kSaved);
  CHECK(json::parse(s.effects[0]["body"].get<std::string>())["comment"] == 2);
  CHECK(pressed(s, 2) == "true");
  CHECK(s.html("like-count-2") == "1");
}

TEST_CASE("a click while the like is on its way shows at once and is sent after the answer") {
  LikesLoaded l(kSaved);  // comment 1: liked by this reader, 3 in all
  const Step unlike = send(l.w, like(1));
  REQUIRE(unlike.effects.size() == 1);
  CHECK(unlike.effects[0]["method"] == "DELETE");
  // The reader changes their mind before the answer: shown now, one request at a time.
  const Step relike = send(l.w, like(1));
  CHECK(relike.effects.empty());
  CHECK(pressed(relike, 1) == "true");
  CHECK(relike.html("like-count-1") == "3");

  // The DELETE went through (someone else liked meanwhile): the reader's wish follows.
  const Step answered =
      send(l.w, response(unlike.effects[0]["request"], 200, summary(1, 3, false)));
  REQUIRE(answered.effects.size() == 1);
  CHECK(answered.effects[0]["method"] == "POST");
  CHECK(json::parse(answered.effects[0]["body"].get<std::string>())["comment"] == 1);
  CHECK(pressed(answered, 1) == "true");
  CHECK(answered.html("like-count-1") == "4");
  const Step done = send(l.w, response(answered.effects[0]["request"], 200, summary(1, 4, true)));
  CHECK(done.effects.empty());
  CHECK(pressed(done, 1) == "true");
  CHECK(done.html("like-count-1") == "4");
}

TEST_CASE("clicks that end where the request in flight goes send nothing more") {
  LikesLoaded l;  // the page: 2 likes, not this reader's
  const Step first = send(l.w, like(0));
  CHECK(pressed(send(l.w, like(0)), 0) == "false");
  const Step third = send(l.w, like(0));
  CHECK(third.effects.empty());
  CHECK(pressed(third, 0) == "true");
  CHECK(third.html("like-count-0") == "3 bloggers like this");
  const Step done = send(l.w, response(first.effects.back()["request"], 200, summary(0, 3, true)));
  CHECK(done.effects.empty());
  CHECK(pressed(done, 0) == "true");
  CHECK(done.html("like-count-0") == "3 bloggers like this");
}

TEST_CASE("a refused like drops the clicks made after it, and says why") {
  LikesLoaded l;
  const Step first = send(l.w, like(0));
  send(l.w, like(0));
  send(l.w, like(0));  // the reader wants the like, which the server refuses
  json refused =
      response(first.effects.back()["request"], 429, {{"error", "rate_limited"}, {"message", "x"}});
  refused["retry_after"] = 30;
  const Step back = send(l.w, refused);
  CHECK(back.effects.empty());
  CHECK(back.html("like-message-0") == "You are liking too quickly. Please wait a moment.");
  CHECK(pressed(back, 0) == "false");
  CHECK(back.html("like-count-0") == "2 bloggers like this");
}

TEST_CASE("stale hearts do nothing") {
  LikesLoaded l;
  const Step gone = send(l.w, like(42));  // no such comment on the page
  CHECK(gone.patches.empty());
  CHECK(gone.effects.empty());
}

TEST_CASE("refusals put the state back and say why next to the button") {
  struct Case {
    int status;
    json body;
    std::optional<int> retry_after;
    const char* message;
  };
  const Case cases[] = {
      {429,
       {{"error", "rate_limited"}, {"message", "x"}},
       30,
       "You are liking too quickly. Please wait a moment."},
      {429,
       {{"error", "rate_limited"}, {"message", "x"}},
       std::nullopt,
       "Too many likes from your network today. Please try again tomorrow."},
      {401,
       {{"error", "login_required"}, {"message", "x"}},
       std::nullopt,
       "Sign in to like posts and comments on this site."},
      {0, nullptr, std::nullopt,
       "Could not reach the server, so your like was not saved. Try again."},
      {500,
       {{"error", "internal"}, {"message", "Database unavailable"}},
       std::nullopt,
       "Your like could not be saved: Database unavailable."},
  };
  for (const Case& c : cases) {
    CAPTURE(c.status);
    LikesLoaded l;
    const Step click = send(l.w, like(1));  // liked by this reader: an unlike
    CHECK(pressed(click, 1) == "false");
    CHECK(click.html("like-count-1") == "2");
    json answer = {{"type", "response"},
                   {"request", click.effects.back()["request"]},
                   {"status", c.status},
                   {"body", c.body.is_null() ? std::string() : c.body.dump()}};
    if (c.retry_after) answer["retry_after"] = *c.retry_after;
    const Step back = send(l.w, answer);
    CHECK(back.html("like-message-1") == c.message);
    CHECK(pressed(back, 1) == "true");
    CHECK(back.html("like-count-1") == "3");
    // The next click clears the message and tries again.
    const Step retry = send(l.w, like(1));
    CHECK(retry.html("like-message-1").empty());
    CHECK(retry.effects.back()["method"] == "DELETE");
  }
}

TEST_CASE("counts others change arrive live; this reader's own state stays") {
  LikesLoaded l;
  const Step page = send(l.w, likes_changed(0, 5));
  CHECK(page.html("like-count-0") == "5 bloggers like this");
  CHECK(pressed(page, 0) == "false");
  CHECK(page.html("likers").find("<svg") != std::string::npos);
  const Step comment = send(l.w, likes_changed(1, 7));
  CHECK(comment.html("like-count-1") == "7");
  CHECK(pressed(comment, 1) == "true");
  // A comment not shown (yet) has no heart to patch; its count is kept for later.
  CHECK(send(l.w, likes_changed(3, 2)).patches.empty());
  // Not a likes event, or a malformed one: nothing happens to the likes.
  CHECK_FALSE(send(l.w, {{"type", "live"}, {"data", R"({"type":"likes.changed","comment":-1})"}})
                  .touches("like-count-0"));
}

TEST_CASE("likes sentences follow the reader's language") {
  Widget w;
  json start = start_with(nullptr);
  start["lang"] = "ru";
  send(w, start);
  CHECK(send(w, response(kLikesRequest, 200, page_likes(5, false))).html("like-count-0") ==
        "5 блогеров оценили это");
}

TEST_CASE(
    "signed in: likes are the account's, asked with the bearer token; a guest again after Log "
    "Out") {
  Widget w;
  const Step started = send(w, start_signed_in(nullptr));
  const json* first = effect(started, "fetch", "/api/likes");
  REQUIRE(first);
  CHECK_FALSE(first->contains("bearer"));  // not logged in until the session says so
  send(w, response((*first)["request"], 200, page_likes(1, false)));
  // Logged in: the likes are asked again as the account, whose like this was.
  const Step in = answer_session(w, started);
  const json* reload = effect(in, "fetch", "/api/likes");
  REQUIRE(reload);
  CHECK((*reload)["bearer"] == "tok.en");
  const Step mine = send(w, response((*reload)["request"], 200, page_likes(1, true)));
  CHECK(pressed(mine, 0) == "true");

  // Unliking needs no browser token (none is made or saved): the bearer says who.
  const Step un = send(w, like(0));
  REQUIRE(un.effects.size() == 1);
  CHECK(un.effects[0]["method"] == "DELETE");
  CHECK(un.effects[0]["bearer"] == "tok.en");
  CHECK_FALSE(json::parse(un.effects[0]["body"].get<std::string>()).contains("token"));
  json done = summary(0, 1, true);
  done["recent"] = {{{"avatar", "https://img.example/ada.png"}, {"name", "Ada"}}};
  const Step back = send(w, response(un.effects[0]["request"], 200, done));
  CHECK(back.html("likers").find(R"(src="https://img.example/ada.png")") != std::string::npos);
  CHECK(back.html("likers").find(R"(title="Ada")") != std::string::npos);

  const Step out = send(w, {{"type", "action"}, {"action", "logout"}});
  const json* guest = effect(out, "fetch", "/api/likes");
  REQUIRE(guest);
  CHECK_FALSE(guest->contains("bearer"));
}

TEST_CASE("signed in: a like refused for an ended session forgets it; the likes are a guest's") {
  Widget w;
  const Step in = answer_session(w, send(w, start_signed_in(kSaved)));
  const json* reload = effect(in, "fetch", "/api/likes");
  REQUIRE(reload);
  send(w, response((*reload)["request"], 200, page_likes(1, false)));
  const Step click = send(w, like(0));
  REQUIRE(click.effects.size() == 1);
  CHECK(click.effects[0]["bearer"] == "tok.en");
  const Step refused = send(w, response(click.effects[0]["request"], 401,
                                        {{"error", "login_required"}, {"message", "expired"}}));
  CHECK(pressed(refused, 0) == "false");
  CHECK(refused.html("like-message-0") == "Sign in to like posts and comments on this site.");
  const json* forget = effect(refused, "save");
  REQUIRE(forget);
  CHECK((*forget)["value"].is_null());
  const json* guest = effect(refused, "fetch", "/api/likes");
  REQUIRE(guest);
  CHECK_FALSE(guest->contains("bearer"));
  CHECK((*guest)["path"].get<std::string>().find(kSaved) != std::string::npos);
}

TEST_CASE("likes only: a stored session is checked silently and the likes become the account's") {
  Widget w;
  const Step started = send(w, start_signed_in(nullptr, "likes"));
  CHECK_FALSE(effect(started, "fetch", "/api/login"));  // no provider row on this embed
  const json* first = effect(started, "fetch", "/api/likes");
  REQUIRE(first);
  const Step in = answer_session(w, started);
  CHECK(in.patches.empty());  // nothing to draw: the login row is not on the page
  const json* reload = effect(in, "fetch", "/api/likes");
  REQUIRE(reload);
  CHECK((*reload)["bearer"] == "tok.en");
  // The first (guest) answer arriving late is ignored; the account's says "liked".
  CHECK(send(w, response((*first)["request"], 200, page_likes(1, false))).patches.empty());
  CHECK(pressed(send(w, response((*reload)["request"], 200, page_likes(1, true))), 0) == "true");
  const Step un = send(w, like(0));
  REQUIRE(un.effects.size() == 1);
  CHECK(un.effects[0]["bearer"] == "tok.en");
}

TEST_CASE("likes only: a stored session the server refuses is forgotten, the reader a guest") {
  Widget w;
  const Step started = send(w, start_signed_in(kSaved, "likes"));
  const Step refused =
      answer_session(w, started, 401, {{"error", "login_required"}, {"message", "expired"}});
  CHECK(refused.patches.empty());
  const json* forget = effect(refused, "save");
  REQUIRE(forget);
  CHECK((*forget)["value"].is_null());
  CHECK_FALSE(effect(refused, "fetch", "/api/likes"));  // the guest's request stands
}

}  // namespace parley::test
