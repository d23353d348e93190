// Where keyboard focus goes when the widget moves or replaces what had it.
#include <doctest/doctest.h>

#include "widget_test_util.hpp"

using namespace parley::test;

TEST_CASE("Cancel reply takes the form home and keeps focus on its text") {
  Loaded l;
  const Step reply = send(l.w, {{"type", "action"}, {"action", "reply"}, {"id", 1}});
  CHECK(reply.patch("focus", "field-text"));
  const Step cancel = send(l.w, {{"type", "action"}, {"action", "cancel"}, {"id", 0}});
  const json* move = cancel.patch("move", "form");
  REQUIRE(move);
  CHECK((*move)["to"] == "form-home");
  // The focused Cancel button was just replaced: focus must land on something real,
  // after the move (patches apply in order).
  REQUIRE(cancel.patch("focus", "field-text"));
  CHECK(cancel.patches.back()["op"] == "focus");
}

TEST_CASE("after posting, focus returns to the emptied text box") {
  Loaded l;
  const int id = post(l.w);
  const Step s = send(l.w, response(id, 201, wire(3, 0, 0, "Cy", 0)));
  CHECK(s.patch("focus", "field-text"));
}
