// Widget: the comment section's state machine, the one object the JS host talks to.
//
// handle() takes one host event as JSON (and its large string, if any, beside it) and returns
// {"patches":[...],"effects":[...]} as JSON (docs/widget-protocol.md). It is the only boundary:
// nothing thrown inside crosses it; a malformed event or an internal failure becomes a message in
// the `status` region instead.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "events.hpp"
#include "output.hpp"
#include "state.hpp"

namespace parley::widget {

class Widget {
 public:
  // Every Widget of one module instance (one page) gets its own element id prefix:
  // "parley-" for the first, "parley-2-" for the second, so two comment sections on
  // a page keep their labels and fields apart.
  Widget();
  // `payload`: the event's large string, beside the JSON (parse_event).
  std::string handle(std::string_view event_json, std::string payload = {});

 private:
  void run(const Event& event, Output& out);
  // Runs the deferred events, in the order they came.
  void catch_up(Output& out);

  State state_;
  // Events that came while a long thread was being shown in slices and need no answer
  // at once (responses to the other requests, live updates, ticks): they run after the
  // last slice, in the order they came. Every transition assumes the whole thread is on the page,
  // and showing all the rest at once for them was one long task (a 1,000-comment thread:
  // 181 ms, 101 of them parsing HTML, when the likes answer came during the slices).
  std::vector<Event> deferred_;
};

}  // namespace parley::widget
