#include "live_flow.hpp"

#include <algorithm>

#include "api.hpp"
#include "core/html.hpp"
#include "core/json_object.hpp"
#include "core/limits.hpp"
#include "core/view_comment.hpp"
#include "core/view_keys.hpp"
#include "core/view_live.hpp"
#include "core/view_thread.hpp"
#include "likes_flow.hpp"
#include "own_flow.hpp"

namespace parley::widget {

namespace keys = view::keys;

namespace {

// Reopening a refused stream waits 1 s, 2 s, 4 s, … up to 5 minutes: a server that
// is full (503) or restarting is not hammered by every open page at once.
constexpr int kRetryBaseMs = 1000;
constexpr int kRetryMaxMs = 5 * 60 * 1000;
// Doublings after which the wait is at its cap (1 s * 2^9 > 5 min).
constexpr int kRetryMaxDoublings = 9;

std::string events_path(const State& s) {
  std::string path =
      "/api/events?site=" + api::query_encode(s.site) + "&page=" + api::query_encode(s.page);
  if (!s.live.last_event_id.empty()) {
    path += "&last_event_id=" + api::query_encode(s.live.last_event_id);
  }
  return path;
}

bool known(const State& s, std::int64_t id) {
  return s.thread.find(id) < s.thread.size() ||
         std::any_of(s.live.pending.begin(), s.live.pending.end(),
                     [id](const Comment& c) { return c.id == id; });
}

// A live event's kind ("comment.created", "comment.edited", "comment.deleted"; others,
// likes.changed goes to likes_flow) and its comment; "" when unreadable.
std::string comment_event(std::string_view data, Comment& out) {
  JsonObject j;
  if (!j.parse(data)) return {};
  std::optional<std::string> type = j.string("type");
  const std::string_view* comment = j.find("comment");
  if (!type || comment == nullptr || !api::comment_from_wire(*comment, out)) return {};
  return std::move(*type);
}

void draw_bar(const State& s, Output& out) {
  out.html(keys::kLive, view::new_comments_bar(s.live.pending.size()));
}

}  // namespace

void start_listening(const State& s, Output& out) {
  out.listen(events_path(s), 0);
}

void on_live(State& s, const LiveEvent& e, Output& out) {
  if (!s.started) return;
  if (e.closed) {
    const int doublings = std::min(s.live.refusals++, kRetryMaxDoublings);
    out.listen(events_path(s), std::min(kRetryBaseMs << doublings, kRetryMaxMs));
    return;
  }
  s.live.refusals = 0;
  if (!e.id.empty()) s.live.last_event_id = e.id;
  if (on_likes_live(s, e.data, out)) return;
  Comment c;
  const std::string type = comment_event(e.data, c);
  if (type == "comment.edited") return apply_edited(s, c, out);
  if (type == "comment.deleted") return apply_deleted(s, c.id, out);
  if (type != "comment.created" || known(s, c.id)) return;
  // The store caps a thread at kMaxThreadComments; so does the widget's copy.
  if (s.thread.size() + s.live.pending.size() >= limits::kMaxThreadComments) return;
  s.live.pending.push_back(std::move(c));
  // While the thread loads, the bar waits for it (refresh_live_bar).
  if (s.thread_request != 0) return;
  draw_bar(s, out);
  out.status(view::new_comments_text(s.live.pending.size()) + ".");
}

void on_show_new(State& s, Output& out) {
  if (s.live.pending.empty()) return;
  for (Comment& c : s.live.pending) {
    const std::int64_t parent = c.parent;
    add_to_thread(s.thread, std::move(c));
    const std::size_t i = s.thread.size() - 1;
    // As for the reader's own posts: a reply whose parent is unknown goes top level.
    const bool nested = parent != 0 && s.thread.find(parent) < i;
    out.append(
        nested ? keys::children(parent) : std::string(keys::kThread),
        view::comment_item(s.thread.comments[i], s.thread.depth[i], s.now, comment_likes(s)));
  }
  s.live.pending.clear();
  HtmlBuilder heading;
  heading.text(view::responses_heading(s.thread.responses(), s.title));
  out.html(keys::kCount, std::move(heading).finish());
  draw_bar(s, out);
  out.status("");
}

void refresh_live_bar(State& s, Output& out) {
  std::erase_if(s.live.pending,
                [&](const Comment& c) { return s.thread.find(c.id) < s.thread.size(); });
  draw_bar(s, out);
}

}  // namespace parley::widget
