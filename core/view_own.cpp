#include "view_own.hpp"

#include <string>

#include "i18n.hpp"
#include "view_keys.hpp"

namespace parley::view {
namespace {

std::string t(std::string_view key) {
  return i18n::active().text(key);
}

void button(HtmlBuilder& b, std::string_view action, std::int64_t id, std::string_view label) {
  b.element("button",
            {{"type", "button"},
             {"class", "parley-own-action"},
             {"data-parley-action", action},
             {"data-parley-id", std::to_string(id)}},
            t(label));
}

void note(HtmlBuilder& b, std::string_view key, std::string_view text) {
  b.element("span",
            {{"class", "parley-own-note"},
             {"role", "status"},
             {"aria-live", "polite"},
             {key.empty() ? "" : "data-parley-key", key}},
            text);
}

}  // namespace

SafeHtml own_actions(std::int64_t id, std::string_view text) {
  HtmlBuilder b;
  button(b, "edit", id, "own.edit");
  button(b, "delete", id, "own.delete");
  if (!text.empty()) note(b, {}, text);
  return std::move(b).finish();
}

SafeHtml own_note(std::string_view text) {
  HtmlBuilder b;
  note(b, {}, text);
  return std::move(b).finish();
}

SafeHtml edit_box(std::int64_t id, std::string_view text, const SafeHtml& preview) {
  HtmlBuilder b;
  b.open("div", {{"class", "parley-editor"}});
  b.element("textarea",
            {{"class", "parley-input parley-textarea"},
             {"rows", "6"},
             {"aria-label", t("own.editing")},
             {"data-parley-field", "edit"},
             {"data-parley-key", keys::kEditField}},
            text);
  b.open("div", {{"class", "parley-preview"},
                 {"aria-label", t("form.preview")},
                 {"data-parley-key", keys::kEditPreview}});
  b.html(preview);
  b.close("div");
  button(b, "edit-save", id, "own.save");
  button(b, "edit-cancel", id, "own.cancel");
  note(b, keys::kEditMessage, "");
  b.close("div");
  return std::move(b).finish();
}

SafeHtml delete_confirm(std::int64_t id) {
  HtmlBuilder b;
  b.element("span", {{"class", "parley-own-question"}}, t("own.delete_confirm"));
  button(b, "delete-confirm", id, "own.delete");
  button(b, "delete-cancel", id, "own.cancel");
  return std::move(b).finish();
}

SafeHtml deleted_note() {
  HtmlBuilder b;
  b.element("p", {{"class", "parley-deleted-note"}}, t("comment.deleted"));
  return std::move(b).finish();
}

}  // namespace parley::view
