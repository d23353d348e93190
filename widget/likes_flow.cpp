#include "likes_flow.hpp"

#include <algorithm>
#include <utility>

#include "api.hpp"
#include "core/html.hpp"
#include "core/view_keys.hpp"
#include "likes_api.hpp"
#include "login_flow.hpp"
#include "messages.hpp"

namespace parley::widget {

namespace keys = view::keys;

namespace {

// HTTP statuses the likes endpoints answer a refusal with (docs/api.md).
constexpr int kOk = 200;
constexpr int kUnauthorized = 401;
constexpr int kTooManyRequests = 429;

SafeHtml text_html(std::string_view text) {
  HtmlBuilder b;
  b.text(text);
  return std::move(b).finish();
}

// Whether the button of `id` is on the page (0: the page's own).
bool on_page(const State& s, std::int64_t id) {
  return id == 0 || (s.likes.hearts && s.thread.find(id) < s.thread.size());
}

view::LikeCount current(const State& s, std::int64_t id) {
  if (id == 0) return s.likes.page;
  const auto it = s.likes.comments.find(id);
  return it == s.likes.comments.end() ? view::LikeCount{} : it->second;
}

void set(State& s, std::int64_t id, view::LikeCount likes) {
  if (id == 0) {
    s.likes.page = likes;
  } else if (likes.count == 0 && !likes.liked) {
    s.likes.comments.erase(id);
  } else {
    s.likes.comments[id] = likes;
  }
}

// Patches the button's pressed state and its count, never the button itself: the
// reader's keyboard focus stays where it is.
void draw(const State& s, std::int64_t id, Output& out) {
  if (!on_page(s, id)) return;  // a comment not rendered (yet): nothing to patch
  const view::LikeCount likes = current(s, id);
  out.attr(keys::like(id), "aria-pressed", likes.liked ? "true" : "false");
  if (id != 0) {
    out.html(keys::like_count(id), text_html(view::comment_like_count(likes.count)));
    return;
  }
  out.html(keys::like_count(0), text_html(view::likes_text(likes.count)));
  out.html(keys::kLikers, view::likers(s.likes.recent));
}

void say(std::int64_t id, std::string_view message, Output& out) {
  out.html(keys::like_message(id), text_html(message));
}

std::string refusal(const ResponseEvent& e) {
  if (e.status == 0) return messages::t("likes.unreachable");
  const api::Error err = api::read_error(e.body);
  if (e.status == kUnauthorized) return messages::t("likes.login_required");
  if (e.status == kTooManyRequests) {
    // The per-minute limit says when to retry; the per-address daily cap does not.
    const bool retry = e.retry_after.has_value() || err.retry_after.has_value();
    return messages::t(retry ? "likes.too_quickly" : "likes.too_many");
  }
  return messages::failed(messages::t("likes.failed"), err.message, e.status);
}

void on_page_likes(State& s, const ResponseEvent& e, Output& out) {
  if (e.status == kUnauthorized && logged_in(s)) {
    // The session ended elsewhere (logged out, expired): a guest again, asked anew.
    return login_lost(s, out);
  }
  api::PageLikes got;
  if (e.status != kOk || !api::read_page_likes(e.body, got)) {
    // The button still works (a like asks the server anew); the sentence says nothing
    // rather than a wrong count.
    say(0, refusal(e), out);
    return;
  }
  s.likes.page = got.page.likes;
  s.likes.recent = std::move(got.page.recent);
  s.likes.comments = std::move(got.comments);
  // Hearts of a thread rendered before this answer show 0: patch those that differ.
  draw(s, 0, out);
  for (const auto& entry : s.likes.comments) draw(s, entry.first, out);
}

std::vector<LikesState::Sending>::iterator find_sending(State& s, int request) {
  return std::find_if(s.likes.sending.begin(), s.likes.sending.end(),
                      [request](const LikesState::Sending& x) { return x.request == request; });
}

// The click's state: liked flips, the count follows (never below 0).
view::LikeCount toggled(view::LikeCount likes) {
  likes.liked = !likes.liked;
  if (likes.liked) {
    ++likes.count;
  } else if (likes.count > 0) {
    --likes.count;
  }
  return likes;
}

// Shows `after` at once and asks the server for it.
void send_like(State& s, std::int64_t id, view::LikeCount before, view::LikeCount after,
               Output& out) {
  set(s, id, after);
  draw(s, id, out);
  const int request = s.next_request++;
  s.likes.sending.push_back({request, id, before, std::nullopt});
  out.fetch(request, after.liked ? "POST" : "DELETE", api::like_path(s.site),
            api::like_body(s.page, id, logged_in(s) ? "" : s.likes.token), bearer(s));
}

void on_sent(State& s, const ResponseEvent& e, Output& out) {
  const auto it = find_sending(s, e.request);
  const LikesState::Sending sent = *it;
  s.likes.sending.erase(it);
  api::LikeSummary got;
  if (e.status == kOk && api::read_like_summary(e.body, got)) {
    if (sent.target == 0) s.likes.recent = std::move(got.recent);
    // The reader clicked again meanwhile, ending where the server is not: send that now.
    if (sent.then && *sent.then != got.likes.liked) {
      return send_like(s, sent.target, got.likes, toggled(got.likes), out);
    }
    set(s, sent.target, got.likes);
  } else {
    // Later clicks were made on a state the server did not take: the message says so,
    // and they are not sent.
    set(s, sent.target, sent.before);
    say(sent.target, refusal(e), out);
    // A session the server no longer takes is forgotten: the next click is a guest's.
    if (e.status == kUnauthorized && logged_in(s)) login_lost(s, out);
  }
  draw(s, sent.target, out);
}

std::vector<LikesState::Sending>::iterator find_target(State& s, std::int64_t id) {
  return std::find_if(s.likes.sending.begin(), s.likes.sending.end(),
                      [id](const LikesState::Sending& x) { return x.target == id; });
}

}  // namespace

SafeHtml start_likes(State& s, const StartEvent& e) {
  s.likes.shown = true;
  if (api::valid_like_token(e.like_token)) s.likes.token = e.like_token;
  if (api::valid_like_token(e.random)) s.likes.fresh = e.random;
  view::PageLikesInput loading;
  loading.loading = true;
  return view::likes_block(loading);
}

void load_likes(State& s, Output& out) {
  if (!s.likes.shown || s.likes.requested) return;
  reload_likes(s, out);
}

void reload_likes(State& s, Output& out) {
  if (!s.likes.shown) return;
  s.likes.requested = true;
  // A newer request replaces one in flight: its answer (read as the reader was) is
  // then ignored.
  s.likes.request = s.next_request++;
  out.fetch(s.likes.request, "GET", api::likes_path(s.site, s.page, s.likes.token), std::nullopt,
            bearer(s));
}

const view::CommentLikeMap* comment_likes(const State& s) {
  return s.likes.shown && s.likes.hearts ? &s.likes.comments : nullptr;
}

bool on_likes_response(State& s, const ResponseEvent& e, Output& out) {
  if (e.request == s.likes.request) {
    s.likes.request = 0;
    on_page_likes(s, e, out);
    return true;
  }
  if (find_sending(s, e.request) == s.likes.sending.end()) return false;
  on_sent(s, e, out);
  return true;
}

void on_like(State& s, std::int64_t id, Output& out) {
  if (!s.likes.shown || !on_page(s, id)) return;  // a stale button
  const auto busy = find_target(s, id);
  if (busy != s.likes.sending.end()) {
    const view::LikeCount wish = toggled(current(s, id));
    busy->then = wish.liked;
    set(s, id, wish);
    say(id, "", out);
    return draw(s, id, out);
  }
  // A signed-in reader likes as their account (the bearer token); a guest needs the
  // browser's random token.
  if (s.likes.token.empty() && !logged_in(s)) {
    if (s.likes.fresh.empty()) return say(id, messages::t("likes.unreachable"), out);
    s.likes.token = s.likes.fresh;
    out.save_string(api::kLikeTokenKey, s.likes.token);
  }
  say(id, "", out);
  const view::LikeCount before = current(s, id);
  send_like(s, id, before, toggled(before), out);
}

bool on_likes_live(State& s, std::string_view data, Output& out) {
  std::int64_t id = 0;
  api::LikeSummary got;
  if (!api::read_likes_event(data, id, got)) return false;
  if (!s.likes.shown) return true;
  // The event is the same for every reader: it brings the count, this reader's own
  // liked state stays as the widget knows it.
  set(s, id, {got.likes.count, current(s, id).liked});
  if (id == 0) s.likes.recent = std::move(got.recent);
  draw(s, id, out);
  return true;
}

}  // namespace parley::widget
