// Editing and deleting the reader's own comments while their edit window is open, and
// showing others' edits and deletions as they arrive live (docs/api.md, PUT/DELETE
// /api/comments/{id}).
#pragma once

#include <cstdint>
#include <string_view>

#include "core/comment.hpp"
#include "events.hpp"
#include "output.hpp"
#include "state.hpp"

namespace parley::widget {

// The start event's remembered tokens (JSON text); expire_own then drops the old.
void load_own(State& s, std::string_view stored);
// A comment just posted, with the 201 body that may carry its edit token.
void remember_own(State& s, const Comment& c, std::string_view body, Output& out);
// Edit/Delete on every own comment the thread shows (after it is on the page).
void show_own(const State& s, Output& out);
// Closes what the clock closed: buttons and editors of comments past their window.
void expire_own(State& s, Output& out);

bool on_own_action(State& s, const ActionEvent& e, Output& out);
void on_edit_field(State& s, const FieldEvent& e, Output& out);
bool on_own_response(State& s, const ResponseEvent& e, Output& out);

// Live events: another page (or this one) edited or deleted a comment.
void apply_edited(State& s, const Comment& c, Output& out);
void apply_deleted(State& s, std::int64_t id, Output& out);

}  // namespace parley::widget
