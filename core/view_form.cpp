#include "view_form.hpp"

#include "html.hpp"
#include "i18n.hpp"
#include "view_keys.hpp"

namespace parley::view {

namespace {

enum class Need {
  optional,
  required,
  guest_mode,  // required unless the site's guest mode lets guests stay anonymous
};

struct Field {
  std::string_view name;   // data-parley-field, also the id/key suffix
  std::string_view label;  // catalog key
  std::string_view type;   // input type; "" for the textarea
  std::string_view autocomplete;
  Need need;
  std::string_view hint;  // catalog key of the text after the label, e.g. "(never made public)"
};

constexpr Field kText{"text", "form.comment", "", "off", Need::required, ""};
constexpr Field kAuthor{"author", "form.name", "text", "name", Need::guest_mode, ""};
constexpr Field kEmail{"email", "form.email",     "email",
                       "email", Need::guest_mode, "form.email_hint"};
constexpr Field kWebsite{"website", "form.website", "url", "url", Need::optional, ""};

bool required(const FormValues& values, const Field& f) {
  return f.need == Need::required || (f.need == Need::guest_mode && values.name_email_required);
}

std::string t(std::string_view key) {
  return i18n::active().text(key);
}

// Writes a translated sentence whose {slot} is markup, not text ("Reply to {author}",
// "Required fields are marked {star}"): the translation decides where it goes.
template <typename Markup>
void sentence_with(HtmlBuilder& b, std::string_view key, std::string_view slot, Markup markup) {
  const std::string pattern = t(key);
  const std::string placeholder = "{" + std::string(slot) + "}";
  const std::size_t at = pattern.find(placeholder);
  if (at == std::string::npos) {
    b.text(pattern);
    return;
  }
  b.text(std::string_view(pattern).substr(0, at));
  markup();
  b.text(std::string_view(pattern).substr(at + placeholder.size()));
}

// The textarea's visible height in lines: room for a paragraph, as WordPress's 8.
constexpr std::string_view kTextRows = "8";

void label(HtmlBuilder& b, const FormValues& values, const Field& f) {
  b.open("label", {{"class", "parley-label"}, {"for", keys::field_id(values.id_prefix, f.name)}});
  b.text(t(f.label));
  if (f.need != Need::optional) {
    b.text(" ");
    // Kept (hidden) when optional, so the widget can show it once it learns the mode.
    const bool toggles = f.need == Need::guest_mode;
    b.element("span",
              {{"class", "parley-required"},
               {"aria-hidden", "true"},
               {toggles ? "data-parley-key" : "", keys::required_mark(f.name)},
               {required(values, f) ? "" : "hidden", ""}},
              "*");
  }
  if (!f.hint.empty()) {
    b.text(" ");
    b.element("span", {{"class", "parley-hint"}}, t(f.hint));
  }
  b.close("label");
}

// The message the server gave for `name` in a plain form post, or "".
std::string_view error_for(const FormValues& values, std::string_view name) {
  for (const FieldError& e : values.errors) {
    if (e.field == name) return e.message;
  }
  return {};
}

void error_region(HtmlBuilder& b, const FormValues& values, std::string_view name) {
  b.element("p",
            {{"class", "parley-error"},
             {"id", keys::error_id(values.id_prefix, name)},
             {"data-parley-key", keys::error(name)},
             {"aria-live", "polite"}},
            error_for(values, name));
}

std::string described_by(std::string_view prefix, const Field& f) {
  std::string ids = keys::error_id(prefix, f.name);
  if (f.name == kEmail.name) ids = keys::with_name(prefix, "email-notes ") + ids;
  return ids;
}

void input_field(HtmlBuilder& b, const FormValues& values, const Field& f, std::string_view value) {
  const std::string_view prefix = values.id_prefix;
  b.open("p", {{"class", "parley-field parley-field-" + std::string(f.name)}});
  label(b, values, f);
  b.empty("input", {{"class", "parley-input"},
                    {"id", keys::field_id(prefix, f.name)},
                    {"name", f.name},
                    {"type", f.type},
                    {"value", value},
                    {"autocomplete", f.autocomplete},
                    {"data-parley-field", f.name},
                    {"data-parley-key", keys::field(f.name)},
                    {"aria-describedby", described_by(prefix, f)},
                    {error_for(values, f.name).empty() ? "" : "aria-invalid", "true"},
                    {required(values, f) ? "required" : "", ""}});
  error_region(b, values, f.name);
  b.close("p");
}

void tabs(HtmlBuilder& b) {
  // Write/Preview toggle: the preview pane shows under the textarea and follows the
  // typing, rendered by the same Markdown code the server stores comments with.
  b.open("div", {{"class", "parley-tabs"}, {"role", "group"}, {"aria-label", t("form.view")}});
  b.element("button",
            {{"type", "button"},
             {"class", "parley-tab"},
             {"data-parley-action", "write"},
             {"data-parley-key", keys::kTabWrite},
             {"aria-pressed", "true"}},
            t("form.write"));
  b.element("button",
            {{"type", "button"},
             {"class", "parley-tab"},
             {"data-parley-action", "preview"},
             {"data-parley-key", keys::kTabPreview},
             {"aria-pressed", "false"}},
            t("form.preview"));
  b.close("div");
}

void text_field(HtmlBuilder& b, const FormValues& values) {
  const std::string_view prefix = values.id_prefix;
  const Field& f = kText;
  const bool plain = !values.action.empty();
  b.open("div", {{"class", "parley-field parley-field-text"}});
  label(b, values, f);
  if (!plain) tabs(b);
  b.open("textarea", {{"class", "parley-input parley-textarea"},
                      {"id", keys::field_id(prefix, f.name)},
                      {"name", "comment"},
                      {"rows", kTextRows},
                      {"autocomplete", f.autocomplete},
                      {"data-parley-field", f.name},
                      {"data-parley-key", keys::field(f.name)},
                      {"aria-describedby", described_by(prefix, f)},
                      {error_for(values, f.name).empty() ? "" : "aria-invalid", "true"},
                      {"required", ""}});
  // The HTML parser drops one newline right after <textarea>: keep the reader's own.
  if (values.text.starts_with('\n')) b.text("\n");
  b.text(values.text);
  b.close("textarea");
  error_region(b, values, f.name);
  if (!plain) {
    b.open("div", {{"class", "parley-preview"},
                   {"id", keys::with_name(prefix, "preview")},
                   {"data-parley-key", keys::kPreview},
                   {"aria-label", t("form.preview")},
                   {"hidden", ""}});
    b.close("div");
  }
  b.close("div");
}

// A checkbox row: "Save my name…", "Notify me of follow-up comments…". `row_key`, when
// set, lets the widget show or hide the whole row.
void checkbox_field(HtmlBuilder& b, const FormValues& values, std::string_view name,
                    std::string_view label_key, bool checked, std::string_view row_key = {},
                    bool hidden = false) {
  const std::string_view prefix = values.id_prefix;
  b.open("p", {{"class", "parley-field parley-field-" + std::string(name)},
               {row_key.empty() ? "" : "data-parley-key", row_key},
               {hidden ? "hidden" : "", ""}});
  b.empty("input", {{"class", "parley-checkbox"},
                    {"id", keys::field_id(prefix, name)},
                    {"name", name},
                    {"type", "checkbox"},
                    {"value", "yes"},
                    {"data-parley-field", name},
                    {"data-parley-key", keys::field(name)},
                    {"aria-describedby", keys::error_id(prefix, name)},
                    {checked ? "checked" : "", ""}});
  b.text(" ");
  b.element("label",
            {{"class", "parley-label parley-label-inline"}, {"for", keys::field_id(prefix, name)}},
            t(label_key));
  error_region(b, values, name);
  b.close("p");
}

// Off screen rather than display:none, which programs look for; aria-hidden and out of
// the tab order so no one meets it, autocomplete off so browsers do not fill it.
void honeypot_field(HtmlBuilder& b, const FormValues& values) {
  const std::string id = keys::field_id(values.id_prefix, values.honeypot);
  b.open("p", {{"class", "parley-hp"}, {"aria-hidden", "true"}});
  b.element("label", {{"for", id}}, "Leave this field empty");
  b.empty("input", {{"id", id},
                    {"name", values.honeypot},
                    {"data-parley-field", values.honeypot},
                    {"type", "text"},
                    {"tabindex", "-1"},
                    {"autocomplete", "off"}});
  b.close("p");
}

void notes(HtmlBuilder& b, std::string_view prefix) {
  b.open("p", {{"class", "parley-notes"}, {"data-parley-key", keys::kNotes}});
  b.element("span", {{"id", keys::with_name(prefix, "email-notes")}}, t("form.notes_email"));
  b.text(" ");
  sentence_with(b, "form.notes_required", "star", [&] {
    b.element("span", {{"class", "parley-required"}}, "*");
  });
  b.close("p");
}

}  // namespace

SafeHtml respond_section(const FormValues& values) {
  const std::string_view prefix = values.id_prefix;
  const std::string title_id = keys::with_name(prefix, "reply-title");
  HtmlBuilder b;
  b.open("div", {{"class", "parley-respond"},
                 {"id", keys::with_name(prefix, "respond")},
                 {"data-parley-key", keys::kForm}});
  b.open("h3",
         {{"class", "parley-form-title"}, {"id", title_id}, {"data-parley-key", keys::kFormTitle}});
  b.html(form_title());
  b.close("h3");
  const bool plain = !values.action.empty();
  b.open("div", {{"class", "parley-login"}, {"data-parley-key", keys::kLogin}});
  b.close("div");
  b.open("form", {{"class", "parley-form"},
                  {"aria-labelledby", title_id},
                  {plain ? "method" : "", "post"},
                  {plain ? "action" : "", values.action},
                  {"novalidate", ""},
                  {"data-parley-key", keys::kFormBody}});
  for (const auto& field : values.hidden) {
    b.empty("input", {{"type", "hidden"}, {"name", field.first}, {"value", field.second}});
  }
  notes(b, prefix);
  text_field(b, values);
  // What only guests fill in; hidden while the reader is logged in.
  b.open("div", {{"class", "parley-guest"}, {"data-parley-key", keys::kGuest}});
  input_field(b, values, kAuthor, values.author);
  input_field(b, values, kEmail, values.email);
  input_field(b, values, kWebsite, values.website);
  // Saving details is the widget's (localStorage); a plain form has nowhere to keep them.
  if (!plain) checkbox_field(b, values, "save", "form.save", values.save);
  // The widget learns from the thread whether the server mails replies; a plain form
  // is rendered by the server, which knows.
  if (!plain || values.notify_offered) {
    checkbox_field(b, values, kNotifyField, "form.notify_replies", values.notify_replies,
                   keys::kNotify, !values.notify_offered);
    checkbox_field(b, values, kNotifyPostsField, "form.notify_posts", values.notify_posts,
                   keys::kNotifyPosts, !values.notify_offered);
  }
  b.close("div");
  if (!values.honeypot.empty()) honeypot_field(b, values);
  b.open("p", {{"class", "parley-submit-row"}});
  b.element("button",
            {{"type", "submit"}, {"class", "parley-submit"}, {"data-parley-key", keys::kSubmit}},
            t("form.submit"));
  b.close("p");
  b.element("p",
            {{"class", "parley-status"},
             {"data-parley-key", keys::kStatus},
             {"role", "status"},
             {"aria-live", "polite"}},
            values.status);
  b.close("form");
  b.close("div");
  return std::move(b).finish();
}

SafeHtml closed_notice() {
  HtmlBuilder b;
  b.element("p", {{"class", "parley-closed"}}, i18n::active().text("form.closed"));
  return std::move(b).finish();
}

SafeHtml form_title() {
  HtmlBuilder b;
  b.text(t("form.title"));
  return std::move(b).finish();
}

SafeHtml form_title_reply(std::string_view author) {
  HtmlBuilder b;
  sentence_with(b, "form.reply_to", "author", [&] {
    b.element("span", {{"class", "parley-reply-to"}}, author);
  });
  b.text(" ");
  b.element("button",
            {{"type", "button"}, {"class", "parley-cancel"}, {"data-parley-action", "cancel"}},
            t("form.cancel"));
  return std::move(b).finish();
}

SafeHtml preview_content(const SafeHtml& rendered) {
  HtmlBuilder b;
  if (rendered.empty()) {
    b.element("p", {{"class", "parley-preview-empty"}}, t("form.preview_empty"));
  } else {
    b.html(rendered);
  }
  return std::move(b).finish();
}

}  // namespace parley::view
