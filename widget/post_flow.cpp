// The answer to a posted comment: place it in the thread, or explain why not. Whatever
// happens, the text the reader typed is only cleared once the server has stored it.
#include "api.hpp"
#include "core/html.hpp"
#include "core/json_writer.hpp"
#include "core/validate.hpp"
#include "core/view_comment.hpp"
#include "core/view_keys.hpp"
#include "core/view_thread.hpp"
#include "handlers.hpp"
#include "likes_flow.hpp"
#include "live_flow.hpp"
#include "login_flow.hpp"
#include "messages.hpp"
#include "own_flow.hpp"
#include "pow_flow.hpp"

namespace parley::widget {

namespace keys = view::keys;

namespace {

constexpr int kCreated = 201;
constexpr int kAccepted = 202;  // stored, but held for a moderator
constexpr int kBadRequest = 400;
constexpr int kUnauthorized = 401;
constexpr int kTooManyRequests = 429;

void show_posted(State& s, Comment c, Output& out) {
  const std::int64_t parent = c.parent;
  add_to_thread(s.thread, std::move(c));
  const std::size_t i = s.thread.size() - 1;
  // add_to_thread puts a reply whose parent is unknown at the top level; so does this.
  const bool nested = parent != 0 && s.thread.find(parent) < i;
  out.append(nested ? keys::children(parent) : std::string(keys::kThread),
             view::comment_item(s.thread.comments[i], s.thread.depth[i], s.now, comment_likes(s)));
  HtmlBuilder heading;
  heading.text(view::responses_heading(s.thread.responses(), s.title));
  out.html(keys::kCount, std::move(heading).finish());
}

void remember_details(const State& s, Output& out) {
  if (logged_in(s)) return;  // the guest fields were hidden: nothing new to remember
  if (!s.form.save) {
    out.remove(api::kSavedKey);
    return;
  }
  Draft d;
  d.author = s.form.author;
  d.email = s.form.email;
  d.website = s.form.website;
  normalize(d);
  out.save_json(api::kSavedKey, JsonWriter()
                                    .string("author", d.author)
                                    .string("email", d.email)
                                    .string("website", d.website)
                                    .finish());
}

// The server has the comment: the box is emptied, the form goes home, `message` says
// what became of it.
void form_sent(State& s, const std::string& message, Output& out) {
  proof_spent(s, out);
  s.form.text.clear();
  out.value(keys::field("text"), "");
  refresh_preview(s, out);
  move_form_home(s, out);
  out.status(message);
  // The submit button had focus and was disabled while posting, which drops focus to
  // <body>; the emptied text box is where a keyboard reader continues.
  out.focus(keys::field("text"));
  remember_details(s, out);
}

void on_created(State& s, const ResponseEvent& e, Output& out) {
  Comment c;
  const bool shown = api::read_comment(e.body, c);
  if (shown) {
    const std::int64_t id = c.id;
    show_posted(s, std::move(c), out);
    remember_own(s, s.thread.comments[s.thread.find(id)], e.body, out);
    refresh_live_bar(s, out);  // the live copy of this comment may be waiting there
  }
  form_sent(s, shown ? messages::posted() : messages::posted_unseen(), out);
}

void on_rejected(State& s, const ResponseEvent& e, Output& out) {
  const api::Error err = api::read_error(e.body);
  const std::string first_invalid = show_errors(s, err.errors, out);
  if (!first_invalid.empty()) {
    out.focus(first_invalid);
  } else if (err.errors.empty()) {
    out.status(messages::failed(messages::post_failed(), err.message, e.status));
  }
}

}  // namespace

void on_post_response(State& s, const ResponseEvent& e, Output& out) {
  s.post_request = 0;
  if (retry_refused_proof(s, e, out)) return;  // still "Posting…": a fresh proof first
  out.attr(keys::kSubmit, "disabled", std::nullopt);
  if (e.status == kCreated) return on_created(s, e, out);
  // Held for a moderator: nothing to show yet.
  if (e.status == kAccepted) return form_sent(s, messages::held(), out);
  if (e.status == kBadRequest) return on_rejected(s, e, out);
  if (e.status == kTooManyRequests) {
    const api::Error err = api::read_error(e.body);
    out.status(messages::too_quickly(e.retry_after.value_or(err.retry_after.value_or(0))));
    return;
  }
  if (e.status == 0) return out.status(messages::post_unreachable());
  const api::Error err = api::read_error(e.body);
  // The login ended (expired, logged out elsewhere): the reader is a guest again and
  // can log in anew; the server's message says what happened.
  if (e.status == kUnauthorized && logged_in(s)) login_lost(s, out);
  out.status(messages::failed(messages::post_failed(), err.message, e.status) + " " +
             messages::kept());
}

}  // namespace parley::widget
