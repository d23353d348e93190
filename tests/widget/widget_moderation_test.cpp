// What moderation (docs/admin.md) changes for a reader: a held comment (202), a closed
// thread ("closed": true), a pinned comment (first at the top level).
#include "widget_test_util.hpp"

using namespace parley::test;

TEST_CASE("202: the comment is held; nothing is added, the text is cleared, the reader is told") {
  Loaded l;
  send(l.w, {{"type", "action"}, {"action", "reply"}, {"id", 1}});
  const int id = post(l.w, "Hello");
  const Step s = send(l.w, response(id, 202,
                                    {{"id", 3},
                                     {"status", "pending"},
                                     {"message", "Your comment is awaiting moderation."}}));
  CHECK_FALSE(s.patch("append", "children-1"));
  CHECK_FALSE(s.patch("append", "thread"));
  CHECK_FALSE(s.touches("count"));
  REQUIRE(s.patch("value", "field-text"));
  CHECK((*s.patch("value", "field-text"))["value"] == "");
  CHECK((*s.patch("move", "form"))["to"] == "form-home");
  CHECK(s.html("status") == "Your comment is awaiting moderation.");
  CHECK((*s.patch("attr", "submit"))["value"].is_null());
}

TEST_CASE("a closed thread shows the notice instead of the form and takes no reply") {
  Widget w;
  const Step start = send(w, start_event());
  const json thread = {{"page", "/2011/07/raids/"},
                       {"count", 1},
                       {"closed", true},
                       {"comments", {wire(1, 0, 0, "Ana", 60)}}};
  const Step loaded = send(w, response(fetch_id(start), 200, thread));
  const json* notice = loaded.patch("prepend", "form-home");
  REQUIRE(notice);
  CHECK((*notice)["html"] == R"(<p class="parley-closed">Comments are closed.</p>)");
  const json* hidden = loaded.patch("attr", "form");
  REQUIRE(hidden);
  CHECK((*hidden)["name"] == "hidden");
  const json* marked = loaded.patch("attr", "thread");
  REQUIRE(marked);
  CHECK((*marked)["name"] == "data-parley-closed");
  const Step reply = send(w, {{"type", "action"}, {"action", "reply"}, {"id", 1}});
  CHECK_FALSE(reply.patch("move", "form"));
}

TEST_CASE("an open thread keeps its form") {
  Widget w;
  const Step start = send(w, start_event());
  const json thread = {{"page", "/2011/07/raids/"}, {"count", 0}, {"comments", json::array()}};
  const Step loaded = send(w, response(fetch_id(start), 200, thread));
  CHECK_FALSE(loaded.touches("form-home"));
  CHECK_FALSE(loaded.patch("attr", "thread"));
}

TEST_CASE("a pinned comment is shown first and marked") {
  Widget w;
  const Step start = send(w, start_event());
  json pinned = wire(2, 0, 0, "Bo", 60);
  pinned["pinned"] = true;
  const json thread = {{"page", "/2011/07/raids/"},
                       {"count", 2},
                       {"comments", {wire(1, 0, 0, "Ana", 3600), pinned}}};
  const Step loaded = send(w, response(fetch_id(start), 200, thread));
  const std::string html = loaded.html("thread");
  const auto bo = html.find("parley-comment-2");
  const auto ana = html.find("parley-comment-1");
  REQUIRE(bo != std::string::npos);
  REQUIRE(ana != std::string::npos);
  CHECK(bo < ana);
  CHECK(html.find("parley-pinned") < bo);
}
