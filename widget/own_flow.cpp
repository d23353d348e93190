#include "own_flow.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <vector>

#include "api.hpp"
#include "core/html.hpp"
#include "core/json_object.hpp"
#include "core/json_writer.hpp"
#include "core/markdown.hpp"
#include "core/view_keys.hpp"
#include "core/view_own.hpp"
#include "core/view_thread.hpp"
#include "handlers.hpp"
#include "messages.hpp"

namespace parley::widget {

namespace keys = view::keys;

namespace {

constexpr int kOk = 200;
constexpr int kBadRequest = 400;
// Tokens kept per site in localStorage: a reader posts a few comments within one edit
// window; past this the soonest to expire go first, so the entry stays small.
constexpr std::size_t kMaxRememberedEdits = 20;

SafeHtml plain(std::string_view text) {
  HtmlBuilder b;
  b.text(text);
  return std::move(b).finish();
}

bool open_window(const State& s, std::int64_t id) {
  const auto it = s.own.mine.find(id);
  return it != s.own.mine.end() && it->second.until > s.now &&
         s.thread.find(id) < s.thread.size() && !s.thread.comments[s.thread.find(id)].deleted;
}

void save_own(const State& s, Output& out) {
  if (s.own.mine.empty()) return out.remove(api::own_key(s.site));
  // Ids in the order of their text ("10" before "9"), as nlohmann's sorted object wrote them.
  std::map<std::string, std::string> ordered;
  for (const auto& [id, own] : s.own.mine) {
    ordered[std::to_string(id)] = JsonWriter()
                                      .string("text", own.text)
                                      .string("token", own.token)
                                      .integer("until", own.until)
                                      .finish();
  }
  JsonWriter all;
  for (const auto& [id, entry] : ordered) all.raw(id, entry);
  out.save_json(api::own_key(s.site), all.finish());
}

void show_body(const State& s, std::int64_t id, Output& out) {
  const std::size_t i = s.thread.find(id);
  if (i == s.thread.size()) return;
  const std::string& html = s.thread.comments[i].html;
  // An adopted thread's data leaves the HTML out (docs/seo-nojs.md): an own comment's is
  // its text rendered, as parleyd rendered it when it stored that text.
  const auto own = s.own.mine.find(id);
  if (html.empty() && own != s.own.mine.end()) {
    out.html(keys::body(id), markdown::render(own->second.text));
  } else {
    out.html(keys::body(id), SafeHtml::from_stored_render(html));
  }
}

void close_editor(State& s, Output& out) {
  if (s.own.editing == 0) return;
  show_body(s, s.own.editing, out);
  s.own.editing = 0;
  s.own.edit_text.clear();
}

// The comment is no longer the reader's to change (window over, deleted, refused).
void forget(State& s, std::int64_t id, Output& out) {
  if (s.own.editing == id) close_editor(s, out);
  if (s.own.mine.erase(id) == 0) return;
  if (s.thread.find(id) < s.thread.size()) out.html(keys::own(id), SafeHtml());
  save_own(s, out);
}

std::string comment_request(const State& s, std::int64_t id, const char* member,
                            std::string_view value) {
  // The one other member ("text") sorts after "edit_token", as nlohmann wrote them.
  JsonWriter body;
  body.string("edit_token", s.own.mine.at(id).token);
  if (member) body.string(member, value);
  return body.finish();
}

// Why the server refused, in words: its sentence, the first field error of a 400, or
// the status code.
std::string refusal(std::string_view what, const ResponseEvent& e) {
  const api::Error err = api::read_error(e.body);
  if (e.status == kBadRequest && !err.errors.empty()) {
    return messages::field_error(err.errors.front());
  }
  return messages::failed(what, err.message, e.status);
}

void on_edit_response(State& s, const ResponseEvent& e, Output& out) {
  s.own.edit_request = 0;
  const std::int64_t id = s.own.saving;
  Comment c;
  if (e.status == kOk && api::read_comment(e.body, c) && c.id == id) {
    s.own.mine[id].text = s.own.edit_text;
    save_own(s, out);
    apply_edited(s, c, out);  // closes the editor too
    if (s.own.editing != id)
      out.html(keys::own(id), view::own_actions(id, messages::t("own.updated")));
    return;
  }
  const std::string why = refusal(messages::t("own.save_failed"), e);
  // A 400 (the text) or no answer at all: the editor stays, with what the reader wrote.
  if (e.status == kBadRequest || e.status == 0) return out.html(keys::kEditMessage, plain(why));
  // Refused for good (window over, not theirs, gone): the buttons go, the reason stays.
  forget(s, id, out);
  out.html(keys::own(id), view::own_note(why));
}

void on_delete_response(State& s, const ResponseEvent& e, Output& out) {
  s.own.delete_request = 0;
  const std::int64_t id = s.own.deleting;
  s.own.deleting = 0;
  if (e.status == kOk) {
    apply_deleted(s, id, out);
    return out.status(messages::t("own.deleted"));
  }
  const std::string why = refusal(messages::t("own.delete_failed"), e);
  if (e.status == 0 && open_window(s, id))
    return out.html(keys::own(id), view::own_actions(id, why));
  forget(s, id, out);
  out.html(keys::own(id), view::own_note(why));
}

}  // namespace

void load_own(State& s, std::string_view stored) {
  JsonObject all;
  if (!all.parse(stored)) return;
  for (const auto& [key, value] : all.members()) {
    if (s.own.mine.size() >= kMaxRememberedEdits) break;
    JsonObject v;
    if (!v.parse(value)) continue;
    std::optional<std::string> token = v.string("token");
    const std::optional<std::int64_t> until = v.integer("until");
    std::optional<std::string> text = v.string("text");
    if (!token || !until || !text) continue;
    const std::int64_t id = std::strtoll(key.c_str(), nullptr, 10);
    if (id > 0) s.own.mine[id] = {std::move(*token), *until, std::move(*text)};
  }
}

void remember_own(State& s, const Comment& c, std::string_view body, Output& out) {
  JsonObject j;
  j.parse(body);
  std::optional<std::string> token = j.string("edit_token");
  const std::optional<std::int64_t> until = j.integer("editable_until");
  if (!token || !until) return;  // editing is off on this site
  while (s.own.mine.size() >= kMaxRememberedEdits) {
    const auto soonest = std::min_element(
        s.own.mine.begin(), s.own.mine.end(),
        [](const auto& a, const auto& b) { return a.second.until < b.second.until; });
    s.own.mine.erase(soonest);
  }
  s.own.mine[c.id] = {std::move(*token), *until, s.form.text};
  save_own(s, out);
  if (open_window(s, c.id)) out.html(keys::own(c.id), view::own_actions(c.id));
}

void show_own(const State& s, Output& out) {
  for (const auto& entry : s.own.mine) {
    if (open_window(s, entry.first))
      out.html(keys::own(entry.first), view::own_actions(entry.first));
  }
}

void expire_own(State& s, Output& out) {
  std::vector<std::int64_t> closed;
  for (const auto& entry : s.own.mine) {
    if (entry.second.until <= s.now) closed.push_back(entry.first);
  }
  for (const std::int64_t id : closed) forget(s, id, out);
}

bool on_own_action(State& s, const ActionEvent& e, Output& out) {
  const std::string_view a = e.action;
  if (a != "edit" && a != "edit-save" && a != "edit-cancel" && a != "delete" &&
      a != "delete-confirm" && a != "delete-cancel") {
    return false;
  }
  if (!open_window(s, e.id)) {
    forget(s, e.id, out);  // a button left over from before the window closed
    return true;
  }
  const std::int64_t id = e.id;
  if (a == "edit") {
    close_editor(s, out);
    s.own.editing = id;
    s.own.edit_text = s.own.mine[id].text;
    out.html(keys::body(id),
             view::edit_box(id, s.own.edit_text, markdown::render(s.own.edit_text)));
    out.html(keys::own(id), SafeHtml());
    out.focus(keys::kEditField);
  } else if (a == "edit-cancel") {
    close_editor(s, out);
    out.html(keys::own(id), view::own_actions(id));
  } else if (a == "edit-save") {
    if (s.own.edit_request != 0 || s.own.editing != id) return true;
    s.own.edit_request = s.next_request++;
    s.own.saving = id;
    out.fetch(s.own.edit_request, "PUT", api::comment_path(s.site, id),
              comment_request(s, id, "text", s.own.edit_text));
  } else if (a == "delete") {
    out.html(keys::own(id), view::delete_confirm(id));
  } else if (a == "delete-cancel") {
    out.html(keys::own(id), view::own_actions(id));
  } else if (s.own.delete_request == 0) {  // delete-confirm
    s.own.deleting = id;
    s.own.delete_request = s.next_request++;
    out.html(keys::own(id), SafeHtml());
    out.fetch(s.own.delete_request, "DELETE", api::comment_path(s.site, id),
              comment_request(s, id, nullptr, {}));
  }
  return true;
}

void on_edit_field(State& s, const FieldEvent& e, Output& out) {
  if (s.own.editing == 0 || e.blur) return;
  s.own.edit_text = e.value;
  out.html(keys::kEditPreview, markdown::render(s.own.edit_text));
}

bool on_own_response(State& s, const ResponseEvent& e, Output& out) {
  if (e.request == s.own.edit_request) {
    on_edit_response(s, e, out);
    return true;
  }
  if (e.request == s.own.delete_request) {
    on_delete_response(s, e, out);
    return true;
  }
  return false;
}

void apply_edited(State& s, const Comment& c, Output& out) {
  const std::size_t i = s.thread.find(c.id);
  if (i == s.thread.size() || s.thread.comments[i].deleted) return;
  s.thread.comments[i].html = c.html;
  // An editor open on this page keeps what the reader is typing, unless this is its save.
  if (s.own.editing == c.id && s.own.edit_request == 0) {
    s.own.editing = 0;
    s.own.edit_text.clear();
  } else if (s.own.editing == c.id) {
    return;
  }
  show_body(s, c.id, out);
}

void apply_deleted(State& s, std::int64_t id, Output& out) {
  const std::size_t i = s.thread.find(id);
  if (i == s.thread.size() || s.thread.comments[i].deleted) return;
  forget(s, id, out);
  if (s.replying_to == id) move_form_home(s, out);
  Comment& c = s.thread.comments[i];
  c.deleted = true;
  c.author.clear();
  c.website.clear();
  c.html.clear();
  if (s.thread.children[i].empty()) {
    out.attr(keys::article(id), "hidden", "");
  } else {
    // As the server shows it from now on: the replies keep their place under a note.
    out.attr(keys::article(id), "class", "parley-comment parley-deleted");
    out.html(keys::body(id), view::deleted_note());
  }
  HtmlBuilder heading;
  heading.text(view::responses_heading(s.thread.responses(), s.title));
  out.html(keys::kCount, std::move(heading).finish());
}

}  // namespace parley::widget
