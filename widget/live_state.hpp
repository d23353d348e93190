// What the widget remembers about live updates (docs/widget-protocol.md, "Live updates").
#pragma once

#include <string>
#include <vector>

#include "core/comment.hpp"

namespace parley::widget {

struct LiveState {
  // Comments that arrived live and wait behind the "new comments" bar, oldest first.
  // Never one the thread already shows.
  std::vector<Comment> pending;
  // The id of the last event received, so a stream the widget reopens resumes there.
  std::string last_event_id;
  // Refusals in a row (the server answered the stream with an error); the next
  // attempt waits longer each time, up to a cap.
  int refusals = 0;
};

}  // namespace parley::widget
