// Live updates in the widget: open the page's event stream, collect comments others
// post behind the "new comments" bar, show them on request, and reopen the stream with
// a capped backoff when the server refuses it. EventSource itself reconnects after
// network drops (with Last-Event-ID); refusals (503, 4xx) close it for good, and only
// then does the widget ask the host to open a new one.
#pragma once

#include "events.hpp"
#include "output.hpp"
#include "state.hpp"

namespace parley::widget {

// On start: ask the host to open the stream right away, so comments posted while the
// thread loads are not missed (duplicates are dropped by id).
void start_listening(const State& s, Output& out);
void on_live(State& s, const LiveEvent& e, Output& out);
// The reader clicked the bar: the waiting comments join the thread.
void on_show_new(State& s, Output& out);
// The thread changed (loaded, or the reader's own comment was added): drop waiting
// comments it now shows and redraw the bar.
void refresh_live_bar(State& s, Output& out);

}  // namespace parley::widget
