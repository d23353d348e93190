#include "data_flow.hpp"

#include "api.hpp"
#include "core/html.hpp"
#include "core/json_reader.hpp"
#include "core/view_data.hpp"
#include "core/view_keys.hpp"
#include "likes_api.hpp"
#include "likes_flow.hpp"
#include "login_flow.hpp"
#include "messages.hpp"
#include "own_flow.hpp"

namespace parley::widget {

namespace keys = view::keys;

namespace {

constexpr int kOk = 200;
constexpr int kUnauthorized = 401;

// The "You are commenting using …" line, with its own "Your data", is on the page.
bool login_line(const State& s) {
  return s.login.shown && s.login.phase == LoginState::Phase::logged_in;
}

// A guest without a like token has nothing here to download or delete.
bool has_data(const State& s) {
  return logged_in(s) || !s.likes.token.empty();
}

void draw(const State& s, Output& out) {
  const std::string privacy =
      s.data.api.empty() ? std::string() : s.data.api + api::privacy_page_path(s.site);
  out.html(keys::kDataBody, view::data_panel({s.id_prefix, logged_in(s), !s.likes.token.empty(),
                                              privacy, s.data.question}));
}

SafeHtml plain(std::string_view text) {
  HtmlBuilder b;
  b.text(text);
  return std::move(b).finish();
}

// Redraws the open panel with `message` below it (an answer after Close shows nothing).
void say(State& s, std::string_view message, Output& out) {
  if (!s.data.open) return;
  draw(s, out);
  out.html(keys::kDataMessage, plain(message));
  out.focus(keys::kDataFocus);
}

void ask(State& s, int& request, const char* method, Output& out) {
  if (!has_data(s) || s.data.download_request || s.data.count_request || s.data.delete_request)
    return;
  request = s.next_request++;
  out.fetch(request, method, api::my_data_path(s.site, s.likes.token), std::nullopt, bearer(s));
}

// Hides the panel (its body is redrawn when it opens again).
void hide(State& s, Output& out) {
  s.data.open = false;
  s.data.question.clear();
  out.attr(keys::kData, "hidden", "");
  out.attr(keys::kDataLink, "aria-expanded", "false");
}

std::string refusal(State& s, const ResponseEvent& e, Output& out) {
  if (e.status == 0) return messages::t("data.unreachable");
  // The session ended elsewhere: a guest again (the panel is redrawn as one).
  if (e.status == kUnauthorized && logged_in(s)) login_lost(s, out);
  return messages::failed(messages::t("data.failed"), api::read_error(e.body).message, e.status);
}

// What an answer of /api/me/data says, as far as the panel needs it: GET's comments and
// likes (counted, and the ids of the comments on `page`), DELETE's deleted_* numbers.
// Read with the widget's pull reader: nothing else here needs a JSON tree.
struct Tally {
  std::size_t comments = 0;
  std::size_t likes = 0;
  std::vector<std::int64_t> here;
};

// One listed comment: counted, and its id kept when it is on `page`.
bool read_comment(JsonReader& r, std::string_view page, Tally& t) {
  ++t.comments;
  if (!r.begin_object()) return r.skip();
  std::int64_t id = 0;
  bool on_page = false;
  std::string name;
  std::string value;
  for (bool first = true; r.next_member(first, name);) {
    if (name == "id" && r.read_int(id)) continue;
    if (name == "page" && r.read_string(value)) {
      on_page = value == page;
      continue;
    }
    if (!r.skip()) return false;
  }
  if (on_page && id > 0) t.here.push_back(id);
  return !r.failed();
}

bool read_tally(std::string_view body, std::string_view page, Tally& t) {
  JsonReader r(body);
  if (!r.begin_object()) return false;
  std::string name;
  for (bool first = true; r.next_member(first, name);) {
    std::int64_t n = 0;
    const bool comments = name == "comments";
    if ((comments || name == "likes") && r.begin_array()) {
      for (bool item = true; r.next_item(item);) {
        if (!comments) ++t.likes;
        if (!(comments ? read_comment(r, page, t) : r.skip())) return false;
      }
    } else if (name == "deleted_comments" && r.read_int(n)) {
      t.comments = static_cast<std::size_t>(n);
    } else if (name == "deleted_likes" && r.read_int(n)) {
      t.likes = static_cast<std::size_t>(n);
    } else if (!r.skip()) {
      return false;
    }
  }
  return r.done();
}

void on_counted(State& s, const ResponseEvent& e, Output& out) {
  Tally t;
  if (e.status != kOk || !read_tally(e.body, s.page, t)) return say(s, refusal(s, e, out), out);
  s.data.erasing = std::move(t.here);
  if (t.comments + t.likes == 0) return say(s, messages::t("data.nothing"), out);
  s.data.question = view::data_question(logged_in(s), t.comments, t.likes);
  say(s, "", out);
}

void on_deleted(State& s, const ResponseEvent& e, Output& out) {
  Tally t;
  if (e.status != kOk || !read_tally(e.body, s.page, t)) return say(s, refusal(s, e, out), out);
  for (const std::int64_t id : s.data.erasing) apply_deleted(s, id, out);
  s.data.erasing.clear();
  // The browser's token names nothing on the server any more: a next like starts afresh.
  if (!s.likes.token.empty()) {
    s.likes.token.clear();
    out.remove(api::kLikeTokenKey);
  }
  reload_likes(s, out);
  say(s, view::data_deleted(logged_in(s), t.comments, t.likes), out);
}

}  // namespace

SafeHtml start_data(State& s, const StartEvent& e, bool later) {
  s.data.api = e.api;
  s.data.pending = later;
  return later ? SafeHtml() : view::data_foot(s.id_prefix);
}

void show_data_foot(State& s, Output& out) {
  if (!s.data.pending) return;
  s.data.pending = false;
  out.append(keys::kRoot, view::data_foot(s.id_prefix));
  data_login_changed(s, out);
}

bool on_data_action(State& s, const ActionEvent& e, Output& out) {
  const std::string_view a = e.action;
  if (a == "data") {
    show_data_foot(s, out);  // the login line's link, clicked before the thread came
    s.data.open = true;
    s.data.question.clear();
    out.attr(keys::kData, "hidden", std::nullopt);
    out.attr(keys::kDataLink, "aria-expanded", "true");
    say(s, "", out);
  } else if (!a.starts_with("data-")) {
    return false;
  } else if (!s.data.open) {
    // A stale button of a closed panel.
  } else if (a == "data-close") {
    hide(s, out);
    // The keyboard goes back to the link that opens it.
    out.focus(login_line(s) ? keys::kDataLinkLogin : keys::kDataLink);
  } else if (a == "data-download") {
    ask(s, s.data.download_request, "GET", out);
  } else if (a == "data-delete") {
    ask(s, s.data.count_request, "GET", out);
  } else if (a == "data-delete-cancel") {
    s.data.question.clear();
    say(s, "", out);
  } else if (a == "data-delete-confirm" && !s.data.question.empty()) {
    s.data.question.clear();
    ask(s, s.data.delete_request, "DELETE", out);
  }
  return true;
}

bool on_data_response(State& s, const ResponseEvent& e, Output& out) {
  DataState& d = s.data;
  if (e.request == d.download_request) {
    d.download_request = 0;
    if (e.status != kOk) {
      say(s, refusal(s, e, out), out);
    } else {
      out.download("parley-data-" + s.site + ".json", "application/json", e.body);
      say(s, messages::t("data.downloaded"), out);
    }
  } else if (e.request == d.count_request) {
    d.count_request = 0;
    on_counted(s, e, out);
  } else if (e.request == d.delete_request) {
    d.delete_request = 0;
    on_deleted(s, e, out);
  } else {
    return false;
  }
  return true;
}

void data_login_changed(State& s, Output& out) {
  if (s.data.pending) return;  // show_data_foot calls again
  // The login line carries its own "Your data" while the reader is logged in.
  out.attr(keys::kDataEntry, "hidden",
           login_line(s) ? std::optional<std::string_view>("") : std::nullopt);
  // An open panel spoke to the reader as they were: it closes (the keyboard stays with
  // the login step that changed them).
  if (s.data.open) hide(s, out);
}

}  // namespace parley::widget
