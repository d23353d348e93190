// "Your data" in the widget (docs/privacy.md): a signed-in reader downloads or deletes
// their comments and likes on the site, a guest the likes of this browser (by its like
// token), through GET/DELETE /api/me/data. Deleting asks first, with what it will
// erase counted; then the thread and the like counts follow at once.
#pragma once

#include "core/safe_html.hpp"
#include "events.hpp"
#include "output.hpp"
#include "state.hpp"

namespace parley::widget {

// On start: the foot with the "Your data" link and the closed panel, to render now; or,
// with `later` (the comments, whose thread is on its way), nothing: show_data_foot adds
// it once the thread is shown, so it never moves while the thread is laid out.
SafeHtml start_data(State& s, const StartEvent& e, bool later = false);
void show_data_foot(State& s, Output& out);
// data, data-close, data-download, data-delete, data-delete-confirm, data-delete-cancel;
// false for other actions.
bool on_data_action(State& s, const ActionEvent& e, Output& out);
// True when `e` answered one of the panel's requests (and was handled).
bool on_data_response(State& s, const ResponseEvent& e, Output& out);
// The reader logged in or out: the foot's link shows only while the login line does
// not carry one, and an open panel (worded for the reader as they were) closes.
void data_login_changed(State& s, Output& out);

}  // namespace parley::widget
