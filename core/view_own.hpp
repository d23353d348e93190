// The controls a reader gets on their own comment while its edit window is open
// (docs/api.md, PUT/DELETE /api/comments/{id}): Edit and Delete in the comment's
// own-<id> region, the editor that replaces its body-<id> while editing (a textarea
// with a Markdown preview that follows the typing), and the delete confirmation.
#pragma once

#include <cstdint>
#include <string_view>

#include "html.hpp"

namespace parley::view {

// `note`: a sentence after the buttons (what the last change did), or "".
SafeHtml own_actions(std::int64_t id, std::string_view note = {});
// A sentence alone in the own-<id> region, once the buttons are gone (refused, expired).
SafeHtml own_note(std::string_view text);
// `text` is the Markdown source; `preview` its rendering. Holds the edit-message region
// for what the server refused.
SafeHtml edit_box(std::int64_t id, std::string_view text, const SafeHtml& preview);
SafeHtml delete_confirm(std::int64_t id);
// What a deleted comment's body becomes when it still has replies.
SafeHtml deleted_note();

}  // namespace parley::view
