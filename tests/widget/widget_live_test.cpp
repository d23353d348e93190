// Live updates in the state machine: the "new comments" bar, showing waiting comments,
// duplicates, the reader's own comment arriving live, and reopening refused streams.
#include <string>

#include "widget_test_util.hpp"

namespace parley::test {
namespace {

json created(const json& comment) {
  return {{"type", "comment.created"}, {"comment", comment}};
}

json live(const json& data, const char* id = "7") {
  return {{"type", "live"}, {"data", data.dump()}, {"id", id}};
}

const json kClosed = {{"type", "live"}, {"closed", true}};

}  // namespace

TEST_CASE("start opens the page's event stream at once") {
  Widget w;
  const Step s = send(w, start_event());
  // + the login offer (widget_login_test.cpp), the likes, warming up (widget_thread_test.cpp)
  REQUIRE(s.effects.size() == 5);
  CHECK(s.effects[1] == json{{"kind", "listen"},
                             {"path", "/api/events?site=blog&page=/2011/07/raids/"},
                             {"after", 0}});
}

TEST_CASE("comments from others wait behind a bar and are announced politely") {
  Loaded l;
  const Step one = send(l.w, live(created(wire(3, 0, 0, "Cy", 5))));
  CHECK(one.html("live").find(">Show 1 new comment</button>") != std::string::npos);
  CHECK(one.html("live").find(R"(data-parley-action="show-new")") != std::string::npos);
  CHECK(one.html("status") == "1 new comment.");
  CHECK_FALSE(one.touches("thread"));  // nothing moves under the reader's eyes
  const Step two = send(l.w, live(created(wire(4, 1, 1, "Di", 2)), "8"));
  CHECK(two.html("live").find(">Show 2 new comments</button>") != std::string::npos);
  CHECK(two.html("status") == "2 new comments.");
  // A duplicate (a replay after reconnecting) and a comment already shown change nothing.
  CHECK(send(l.w, live(created(wire(4, 1, 1, "Di", 2)))).patches.empty());
  CHECK(send(l.w, live(created(wire(1, 0, 0, "Ana", 3 * 3600)))).patches.empty());

  const Step shown = send(l.w, {{"type", "action"}, {"action", "show-new"}});
  const json* top = shown.patch("append", "thread");
  REQUIRE(top != nullptr);
  CHECK((*top)["html"].get<std::string>().find("<p>by Cy</p>") != std::string::npos);
  const json* reply = shown.patch("append", "children-1");
  REQUIRE(reply != nullptr);
  CHECK((*reply)["html"].get<std::string>().find("<p>by Di</p>") != std::string::npos);
  CHECK(shown.html("count") == "4 Responses to \u201cRaids\u201d");
  CHECK(shown.html("live").empty());
  CHECK(send(l.w, {{"type", "action"}, {"action", "show-new"}}).patches.empty());
}

TEST_CASE("comments arriving while the thread loads show up after it") {
  Widget w;
  const Step start = send(w, start_event());
  CHECK(send(w, live(created(wire(1, 0, 0, "Ana", 60)))).patches.empty());
  CHECK(send(w, live(created(wire(5, 0, 0, "Eve", 1)))).patches.empty());
  const json thread = {{"comments", {wire(1, 0, 0, "Ana", 60)}}};
  const Step loaded = send(w, response(fetch_id(start), 200, thread));
  // Ana's comment is in the loaded thread; only Eve's is new.
  CHECK(loaded.html("live").find(">Show 1 new comment</button>") != std::string::npos);
}

TEST_CASE("the reader's own comment arriving live is not announced as new twice") {
  Loaded l;
  const int request = post(l.w, "Mine");
  send(l.w, live(created(wire(9, 0, 0, "Cy", 0))));  // the stream can beat the POST answer
  const Step done = send(l.w, response(request, 201, wire(9, 0, 0, "Cy", 0)));
  CHECK(done.html("live").empty());
  CHECK(send(l.w, {{"type", "action"}, {"action", "show-new"}}).patches.empty());
}

TEST_CASE("events of other kinds and malformed data are ignored") {
  Loaded l;
  // A kind this widget does not know (comment.edited/deleted: widget_own_test.cpp).
  CHECK(send(l.w, live({{"type", "comment.moved"}, {"comment", wire(1, 0, 0, "Ana", 9)}}))
            .patches.empty());
  // An edit of a comment this page does not show.
  CHECK(send(l.w, live({{"type", "comment.edited"}, {"comment", wire(77, 0, 0, "Ana", 9)}}))
            .patches.empty());
  CHECK(send(l.w, {{"type", "live"}, {"data", "not json"}}).patches.empty());
  CHECK(send(l.w, live({{"type", "comment.created"}, {"comment", "nope"}})).patches.empty());
}

TEST_CASE("a refused stream is reopened with a growing, capped delay, resuming") {
  Loaded l;
  send(l.w, live(created(wire(3, 0, 0, "Cy", 5)), "41"));
  int expected = 1000;
  for (int i = 0; i < 12; ++i) {
    const Step s = send(l.w, kClosed);
    REQUIRE(s.effects.size() == 1);
    CHECK(s.effects[0]["kind"] == "listen");
    CHECK(s.effects[0]["path"] == "/api/events?site=blog&page=/2011/07/raids/&last_event_id=41");
    CHECK(s.effects[0]["after"] == expected);
    expected = std::min(expected * 2, 300000);
  }
  // A message means the stream works again: the next refusal starts over at 1 s.
  send(l.w, live(created(wire(4, 0, 0, "Di", 1)), "42"));
  CHECK(send(l.w, kClosed).effects[0]["after"] == 1000);
}

}  // namespace parley::test
