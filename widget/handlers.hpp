// The state machine's transitions, one function per event (or response) kind. Each
// reads the event, updates State, and writes the patches/effects to Output. Split by
// concern: thread_flow.cpp (loading, dates, where the form sits), form_flow.cpp
// (typing, preview, validation, submit), post_flow.cpp (the answer to a post).
#pragma once

#include <string_view>
#include <vector>

#include "api.hpp"
#include "core/embed_parts.hpp"
#include "core/result.hpp"
#include "core/view_form.hpp"
#include "events.hpp"
#include "output.hpp"
#include "state.hpp"

namespace parley::widget {

// thread_flow.cpp
void on_start(State& s, const StartEvent& e, Output& out);
void on_thread_response(State& s, const ResponseEvent& e, Output& out);
void on_tick(State& s, const TickEvent& e, Output& out);
// A moderator closed the thread: "Comments are closed." instead of the form.
void show_closed(State& s, Output& out);
// What the thread's flags change: closed, and the follow-up mail checkbox offered.
void show_flags(State& s, const api::ThreadFlags& flags, Output& out);
// Patches the dates whose words differ between Unix time `before` and s.now.
void refresh_dates(const State& s, std::int64_t before, Output& out);
// The next slice of a thread being shown; show_rest renders all that is left, so other
// events always meet the whole thread on the page.
void on_resume(State& s, Output& out);
void show_rest(State& s, Output& out);
// Runs the thread response's code (reading, building, rendering, serialising) on a small
// sample and throws the result away; the first resume after start does it, while the
// real thread is on its way. A browser compiles WebAssembly functions when they are
// first called, with a baseline compiler: doing that behind the network takes it out of
// the time between the thread's arrival and its comments on the page (in Node, cold,
// 100 comments: 52 -> 31 ms; bench/RESULTS.md, Client render). Changes nothing;
// returns the size of the discarded output (0: the sample did not read).
std::size_t warm_up(const State& s);
void on_reply(State& s, std::int64_t id, Output& out);
void move_form_home(State& s, Output& out);

// form_flow.cpp
void on_field(State& s, const FieldEvent& e, Output& out);
void on_preview(State& s, bool show, Output& out);
void on_submit(State& s, const SubmitEvent& e, Output& out);
// Re-renders the preview pane from the current text (when it is shown).
void refresh_preview(const State& s, Output& out);
// Shows `errors` next to their fields and clears every other shown error; errors of
// non-form fields (page, parent, …) go to the status region. Returns the key of the
// first invalid form field, or "" when no form field is invalid.
std::string show_errors(State& s, const FieldErrors& errors, Output& out);

// post_flow.cpp
void on_post_response(State& s, const ResponseEvent& e, Output& out);

// adopt_flow.cpp: on start, takes over the thread parleyd rendered into the mount when
// it is for this site, page and language, and holds no part the mount does not show
// (false: render from scratch). `held`: the parts the rendering holds, in page order —
// the early rendering's all of the mount's; an include's only the comments.
bool adopt_prerendered(State& s, const StartEvent& e, const view::FormValues& values,
                       const std::vector<Part>& parts, std::vector<Part>& held, Output& out);

}  // namespace parley::widget
