// The comment model's JSON wire format (see docs/api.md), with nlohmann: parleyd reads
// drafts and writes comments with it. Apart from comment.hpp so that the widget, which
// reads comments with its own pull reader (widget/thread_reader.cpp) and must not link
// nlohmann, does not see nlohmann's headers through the model it shares.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "comment.hpp"
#include "result.hpp"

namespace parley {

// Parses a submitted draft from JSON. Unknown members are ignored; a member of the
// wrong type is a field error ("invalid"), never an exception. Missing strings are "".
FieldErrors draft_from_json(const nlohmann::json& j, Draft& out);
nlohmann::json draft_to_json(const Draft& d);

// The public wire form: {id, parent, depth, author, website, html, created, verified},
// plus {provider, provider_name, avatar} when verified, "pinned": true when pinned and
// "deleted": true for a placeholder.
// `text` is included only when include_source is true (not yet used by any reader).
nlohmann::json comment_to_json(const Comment& c, bool include_source = false);
// Reads the public wire form back (the widget's side). Returns false on a shape
// mismatch, leaving `out` unspecified.
bool comment_from_json(const nlohmann::json& j, Comment& out);

}  // namespace parley
