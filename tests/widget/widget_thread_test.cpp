// The state machine driven like the host drives it: loading the thread, replying,
// dates, and what happens to events that make no sense.
#include <doctest/doctest.h>

#include "widget/handlers.hpp"
#include "widget_test_util.hpp"

// The fixtures (start_event, wire, Loaded, ...) are the vocabulary of these tests.
using namespace parley::test;

TEST_CASE("start renders the skeleton once and fetches the thread") {
  Widget w;
  const Step s = send(w, start_event());
  REQUIRE(s.patches.size() == 1);
  CHECK(s.patches[0]["op"] == "html");
  CHECK(s.patches[0]["key"] == "root");
  const std::string root = s.patches[0]["html"];
  CHECK(root.find("Loading comments\u2026") != std::string::npos);
  CHECK(root.find(">Leave a Reply</h3>") != std::string::npos);
  // The thread, the stream, the login offer, the likes (widget_likes_test.cpp), and a
  // yield: the next task warms the thread's code up while the thread is on its way.
  REQUIRE(s.effects.size() == 5);
  CHECK(s.effects[0] == json{{"kind", "fetch"},
                             {"request", 1},
                             {"method", "GET"},
                             {"path", "/api/comments?site=blog&page=/2011/07/raids/"}});
  // Live updates are listened to from the start (widget_live_test.cpp), and the site's
  // login offer is asked for (widget_login_test.cpp).
  CHECK(s.effects[1]["kind"] == "listen");
  CHECK(s.effects[2]["path"] == "/api/login?site=blog");
  CHECK(s.effects[4] == json{{"kind", "yield"}});
  CHECK(send(w, start_event()).patches.empty());  // a second start changes nothing
}

TEST_CASE("warming up while the thread is on its way changes nothing the reader sees") {
  Widget w;
  const int id = fetch_id(send(w, start_event()));
  const Step warm = send(w, {{"type", "resume"}});
  CHECK(warm.patches.empty());
  CHECK(warm.effects.empty());
  CHECK(send(w, {{"type", "resume"}}).patches.empty());  // once
  // The thread then renders as it would have without (the next test's thread).
  const json body = {{"comments", {wire(1, 0, 0, "Ana", 3600), wire(2, 1, 1, "Bo", 60)}}};
  const Step s = send(w, response(id, 200, body));
  CHECK(s.html("count") == "2 Responses to \u201CRaids\u201D");
  CHECK(s.html("thread").find(R"(id="parley-comment-1")") != std::string::npos);
  CHECK(s.html("thread").find("A <strong>b</strong>") == std::string::npos);  // no sample
}

TEST_CASE("the warm-up's sample thread reads and renders") {
  // It fails silently in the widget (nothing to show): a sample that stopped reading
  // would quietly warm nothing up.
  parley::widget::State state;
  state.title = "Raids";
  CHECK(parley::widget::warm_up(state) > 500);
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

namespace {

// A thread of `roots` top-level comments (ids 1..roots), each with one reply.
json long_thread(int roots) {
  json comments = json::array();
  for (int i = 1; i <= roots; ++i) {
    comments.push_back(wire(i, 0, 0, "Ana", 3600));
    comments.push_back(wire(1000 + i, i, 1, "Bo", 60));
  }
  return {{"comments", comments}};
}

int count_of(const std::string& html, std::string_view needle) {
  int n = 0;
  for (auto at = html.find(needle); at != std::string::npos; at = html.find(needle, at + 1)) ++n;
  return n;
}

// Started, and warmed up (start's yield answered) while the thread is on its way, as in
// a browser, where the resume comes before the network's answer.
int started_and_warmed(Widget& w) {
  const int id = fetch_id(send(w, start_event()));
  send(w, {{"type", "resume"}});
  return id;
}

}  // namespace

TEST_CASE("a long thread is shown in slices, a task apart, in order") {
  Widget w;
  const int id = started_and_warmed(w);
  Step s = send(w, response(id, 200, long_thread(170)));  // 340 comments
  CHECK(s.html("count") == "340 Responses to \u201CRaids\u201D");
  // The first slice replaces the placeholder: whole subtrees, until 100 comments or more.
  const std::string first = s.html("thread");
  CHECK(count_of(first, "<article") == 100);
  CHECK(first.find(R"(id="parley-comment-1050")") != std::string::npos);
  CHECK(first.find(R"(id="parley-comment-51")") == std::string::npos);
  REQUIRE(s.effects.size() == 1);
  CHECK(s.effects[0] == json{{"kind", "yield"}});
  std::string shown = first;
  int slices = 1;
  while (!s.effects.empty()) {
    CHECK(s.effects[0] == json{{"kind", "yield"}});
    s = send(w, {{"type", "resume"}});
    const json* more = s.patch("append", "thread");
    REQUIRE(more != nullptr);
    shown += (*more)["html"].get<std::string>();
    ++slices;
  }
  CHECK(slices == 4);
  CHECK(count_of(shown, "<article") == 340);
  CHECK(shown.find(R"(id="parley-comment-11")") < shown.find(R"(id="parley-comment-12")"));
  // Once all is shown, a stray resume changes nothing.
  s = send(w, {{"type", "resume"}});
  CHECK(s.patches.empty());
  CHECK(s.effects.empty());
}

TEST_CASE("a thread that answers before the warm-up's resume still shows in one chain") {
  // Over loopback the answer can beat start's resume. That resume, when it comes, shows
  // the next slice; the first slice asks for none of its own, so one resume is out at a
  // time and each task shows one slice.
  Widget w;
  const int id = fetch_id(send(w, start_event()));  // its yield is out
  Step s = send(w, response(id, 200, long_thread(170)));
  CHECK(count_of(s.html("thread"), "<article") == 100);
  CHECK(s.effects.empty());
  int shown = 100;
  int yields_out = 1;  // start's
  while (yields_out > 0) {
    s = send(w, {{"type", "resume"}});
    --yields_out;
    const json* more = s.patch("append", "thread");
    if (more != nullptr) shown += count_of((*more)["html"].get<std::string>(), "<article");
    for (const json& e : s.effects) yields_out += e == json{{"kind", "yield"}} ? 1 : 0;
    CHECK(yields_out <= 1);
  }
  CHECK(shown == 340);
  CHECK(send(w, {{"type", "resume"}}).patches.empty());
}

TEST_CASE("any other event first shows the rest of a thread still arriving in slices") {
  Widget w;
  const int id = started_and_warmed(w);
  send(w, response(id, 200, long_thread(170)));
  // Replying to a comment not shown yet: its slot must exist before the form moves.
  const Step s = send(w, {{"type", "action"}, {"action", "reply"}, {"id", 150}});
  REQUIRE(s.patches.size() >= 2);
  CHECK(s.patches[0]["op"] == "append");
  CHECK(s.patches[0]["key"] == "thread");
  CHECK(count_of(s.patches[0]["html"].get<std::string>(), "<article") == 240);
  CHECK(s.patch("move", "form") != nullptr);
  CHECK(send(w, {{"type", "resume"}}).patches.empty());
}

TEST_CASE("answers and live updates during the slices wait for the last one, in order") {
  Widget w;
  const int id = started_and_warmed(w);
  send(w, response(id, 200, long_thread(170)));  // 340 comments: 4 slices
  // The login offer's answer (request 2) and a new comment, live: nothing yet, and no
  // slice jumps the queue.
  const Step login =
      send(w, response(2, 200, {{"providers", json::array()}, {"guests", "optional"}}));
  CHECK(login.patches.empty());
  CHECK(login.effects.empty());
  const json live = {
      {"type", "live"},
      {"id", "9"},
      {"data", json{{"type", "comment.created"}, {"comment", wire(5000, 0, 0, "Cy", 0)}}.dump()}};
  CHECK(send(w, live).patches.empty());
  Step s = send(w, {{"type", "resume"}});
  int slices = 2;
  while (!s.effects.empty() && s.effects.back() == json{{"kind", "yield"}}) {
    CHECK(s.patches.size() == 1);  // the slice alone
    s = send(w, {{"type", "resume"}});
    ++slices;
  }
  CHECK(slices == 4);
  // The last slice, then what waited: Cy's comment, announced behind the bar.
  REQUIRE(!s.patches.empty());
  CHECK(s.patches[0]["op"] == "append");
  CHECK(s.patches[0]["key"] == "thread");
  CHECK(s.patches[0]["html"].get<std::string>().find(R"(id="parley-comment-170")") !=
        std::string::npos);
  CHECK(s.html("live").find(">Show 1 new comment</button>") != std::string::npos);
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

TEST_CASE("the loader's mount number decides the ids, whichever widget was made first") {
  Widget made_first;
  Widget made_second;
  json second = start_event();
  second["mount"] = 2;
  json first = start_event();
  first["mount"] = 1;
  const std::string two = send(made_first, second).html("root");
  const std::string one = send(made_second, first).html("root");
  CHECK(two.find(R"(id="parley-2-comments")") != std::string::npos);
  CHECK(one.find(R"(id="parley-comments")") != std::string::npos);
  // Out of range: the order of making counts, as without a number.
  Widget third;
  json odd = start_event();
  odd["mount"] = 100000;
  CHECK(send(third, odd).html("root").find(R"(id="parley-comments")") == std::string::npos);
}
