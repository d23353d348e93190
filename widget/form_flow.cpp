// Typing, previewing, validating and submitting the comment form.
#include <algorithm>
#include <array>

#include "api.hpp"
#include "core/comment.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/validate.hpp"
#include "core/view_form.hpp"
#include "core/view_keys.hpp"
#include "handlers.hpp"
#include "login_flow.hpp"
#include "messages.hpp"
#include "pow_flow.hpp"

namespace parley::widget {

namespace keys = view::keys;

namespace {

// The fields whose errors show next to them, in form order (focus goes to the first).
constexpr std::array<std::string_view, 4> kFormFields = {"text", "author", "email", "website"};

bool is_form_field(std::string_view name) {
  return std::find(kFormFields.begin(), kFormFields.end(), name) != kFormFields.end();
}

std::string* form_value(FormState& f, std::string_view field) {
  if (field == "text") return &f.text;
  if (field == "author") return &f.author;
  if (field == "email") return &f.email;
  if (field == "website") return &f.website;
  return nullptr;
}

Draft draft_of(const State& s) {
  Draft d;
  d.page = s.page;
  d.title = s.title;
  d.parent = s.replying_to == 0 ? 0 : reply_parent_for(s.thread, s.replying_to);
  d.text = s.form.text;
  d.author = s.form.author;
  d.email = s.form.email;
  d.website = s.form.website;
  // A logged-in reader's comment carries no address to mail (the box is hidden then).
  d.notify_replies = s.form.notify_replies && !logged_in(s);
  d.notify_posts = s.form.notify_posts && !logged_in(s);
  normalize(d);
  return d;
}

void show_field_error(State& s, std::string_view field, std::string_view message, Output& out) {
  HtmlBuilder b;
  b.text(message);
  out.html(keys::error(field), std::move(b).finish());
  out.attr(keys::field(field), "aria-invalid", "true");
  s.errors_shown.emplace(field);
}

void clear_field_error(State& s, std::string_view field, Output& out) {
  const auto it = s.errors_shown.find(std::string(field));
  if (it == s.errors_shown.end()) return;
  s.errors_shown.erase(it);
  out.html(keys::error(field), SafeHtml());
  out.attr(keys::field(field), "aria-invalid", std::nullopt);
}

// Re-checks one field as it would be checked on submit, and shows or clears its error.
void check_field(State& s, std::string_view field, Output& out) {
  for (const FieldError& err : validate(draft_of(s), author(s))) {
    if (err.field == field) return show_field_error(s, field, messages::field_error(err), out);
  }
  clear_field_error(s, field, out);
}

}  // namespace

void on_field(State& s, const FieldEvent& e, Output& out) {
  std::string* value = form_value(s.form, e.field);
  if (value == nullptr) return;
  *value = e.value;
  if (e.field == "text" && !e.blur) {
    refresh_preview(s, out);
    prepare_proof(s, out);  // the reader writes: the proof is ready before they send
  }
  const bool has_error = s.errors_shown.count(e.field) != 0;
  // Typing only corrects a message already shown; leaving a field checks it, unless it
  // was left empty (tabbing through the form should not scold).
  if (has_error || (e.blur && !e.value.empty())) check_field(s, e.field, out);
}

void on_preview(State& s, bool show, Output& out) {
  if (s.preview == show) return;
  s.preview = show;
  out.attr(keys::kTabWrite, "aria-pressed", show ? "false" : "true");
  out.attr(keys::kTabPreview, "aria-pressed", show ? "true" : "false");
  if (show) {
    refresh_preview(s, out);
    out.attr(keys::kPreview, "hidden", std::nullopt);
  } else {
    out.attr(keys::kPreview, "hidden", "");
    out.focus(keys::field("text"));
  }
}

void refresh_preview(const State& s, Output& out) {
  if (!s.preview) return;
  Draft d;
  d.text = s.form.text;
  normalize(d);  // the server renders the normalised text; so does the preview
  out.html(keys::kPreview, view::preview_content(markdown::render(d.text)));
}

std::string show_errors(State& s, const FieldErrors& errors, Output& out) {
  std::string first;
  std::string other;  // messages of fields the reader cannot edit
  std::set<std::string> invalid;
  for (const FieldError& err : errors) {
    if (!is_form_field(err.field)) {
      if (!other.empty()) other += ' ';
      other += messages::field_error(err);
      continue;
    }
    if (!invalid.insert(err.field).second) continue;  // first message per field wins
    show_field_error(s, err.field, messages::field_error(err), out);
  }
  for (const std::string_view field : kFormFields) {
    if (invalid.count(std::string(field)) == 0) {
      clear_field_error(s, field, out);
    } else if (first.empty()) {
      first = keys::field(field);
    }
  }
  if (!other.empty()) {
    out.status(other);
  } else if (!first.empty()) {
    out.status(messages::fix_fields());
  }
  return first;
}

void on_submit(State& s, const SubmitEvent& e, Output& out) {
  // Already posting (or waiting for the proof); the button is disabled anyway.
  if (s.post_request != 0 || s.pow.waiting) return;
  s.form = {e.text, e.author, e.email, e.website, e.save, e.notify_replies, e.notify_posts};
  const Draft d = draft_of(s);
  const FieldErrors errors = validate(d, author(s));
  const std::string first_invalid = show_errors(s, errors, out);
  if (!first_invalid.empty()) out.focus(first_invalid);
  if (!errors.empty()) return;

  out.attr(keys::kSubmit, "disabled", "");
  out.status(messages::posting());
  s.pow.draft = d;
  s.pow.honeypot = e.honeypot;
  post_when_proven(s, out);
}

}  // namespace parley::widget
