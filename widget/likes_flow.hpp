// Likes in the widget: the page's Like button with "N bloggers like this" and the
// recent likers' avatars, and a heart on each comment. A click shows its effect at
// once and asks the server; a refusal (rate limit, login required) or a network
// failure puts the state back and says why next to the button. Counts others change
// arrive as likes.changed events on the page's live stream.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/safe_html.hpp"
#include "core/view_likes.hpp"
#include "events.hpp"
#include "output.hpp"
#include "state.hpp"

namespace parley::widget {

// On start, for a mount showing likes: remember the tokens and return the Like block
// to render while the counts load; then load_likes asks for them (once).
SafeHtml start_likes(State& s, const StartEvent& e);
void load_likes(State& s, Output& out);
// Asks again, as the reader now is: after a login or a logout, "liked" is the account's
// (or the browser's) and no longer the other's.
void reload_likes(State& s, Output& out);
// The hearts' counts for the comment views; null when the mount shows no likes.
const view::CommentLikeMap* comment_likes(const State& s);
// True when `e` answered a likes request (and was handled).
bool on_likes_response(State& s, const ResponseEvent& e, Output& out);
// The reader clicked the Like button (id 0) or a comment's heart.
void on_like(State& s, std::int64_t id, Output& out);
// True when `data` was a likes.changed event (and was handled).
bool on_likes_live(State& s, std::string_view data, Output& out);

}  // namespace parley::widget
