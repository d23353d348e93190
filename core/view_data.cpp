#include "view_data.hpp"

#include "html.hpp"
#include "i18n.hpp"
#include "view_keys.hpp"

namespace parley::view {
namespace {

std::string t(std::string_view key, std::initializer_list<i18n::Arg> args = {}) {
  return i18n::active().text(key, args);
}

// The keyboard goes to the first control of each state.
void button(HtmlBuilder& b, std::string_view action, std::string_view label, bool focus,
            std::string_view described_by = {}) {
  b.element("button",
            {{"type", "button"},
             {"class", "parley-data-action"},
             {"data-parley-action", action},
             {focus ? "data-parley-key" : "", keys::kDataFocus},
             {described_by.empty() ? "" : "aria-describedby", described_by}},
            t(label));
  b.text(" ");
}

}  // namespace

SafeHtml data_foot(std::string_view id_prefix) {
  const std::string panel = keys::with_name(id_prefix, "data");
  HtmlBuilder b;
  b.open("div", {{"class", "parley-data-foot"}});
  b.open("p", {{"class", "parley-data-entry"}, {"data-parley-key", keys::kDataEntry}});
  b.element("button",
            {{"type", "button"},
             {"class", "parley-data-link"},
             {"data-parley-action", "data"},
             {"data-parley-key", keys::kDataLink},
             {"aria-controls", panel},
             {"aria-expanded", "false"}},
            t("data.link"));
  b.close("p");
  b.open("section", {{"class", "parley-data"},
                     {"id", panel},
                     {"data-parley-key", keys::kData},
                     {"data-parley-escape", "data-close"},
                     {"aria-labelledby", keys::with_name(panel, "-title")}});
  b.flag("hidden");
  b.element("div", {{"class", "parley-data-body"}, {"data-parley-key", keys::kDataBody}}, "");
  // Outside the body the widget redraws, so screen readers announce what it says.
  b.element("p",
            {{"class", "parley-data-message"},
             {"role", "status"},
             {"data-parley-key", keys::kDataMessage}},
            "");
  b.open("p", {{"class", "parley-data-close"}});
  b.element(
      "button",
      {{"type", "button"}, {"class", "parley-data-action"}, {"data-parley-action", "data-close"}},
      t("data.close"));
  b.close("p");
  b.close("section");
  b.close("div");
  return std::move(b).finish();
}

SafeHtml data_panel(const DataPanelInput& in) {
  const std::string title = keys::with_name(in.id_prefix, "data-title");
  HtmlBuilder b;
  bool focus = true;  // on the first control
  const bool controls = !in.question.empty() || in.signed_in || in.has_token ||
                        (!in.signed_in && !in.privacy_url.empty());
  // Without a control the heading takes the keyboard, so it still lands in the panel.
  b.element("h3",
            {{"class", "parley-data-title"},
             {"id", title},
             {controls ? "" : "tabindex", "-1"},
             {controls ? "" : "data-parley-key", keys::kDataFocus}},
            t("data.link"));
  if (!in.question.empty()) {
    const std::string question = keys::with_name(in.id_prefix, "data-question");
    b.element("p", {{"class", "parley-data-question"}, {"id", question}}, in.question);
    b.open("p", {{"class", "parley-data-actions"}});
    button(b, "data-delete-confirm", "own.delete", false, question);
    button(b, "data-delete-cancel", "own.cancel", true, question);
    b.close("p");
    focus = false;
  } else if (in.signed_in || in.has_token) {
    b.open("p", {{"class", "parley-data-actions"}});
    button(b, "data-download", in.signed_in ? "data.download" : "data.guest_download", true);
    button(b, "data-delete", in.signed_in ? "data.delete" : "data.guest_delete", false);
    b.close("p");
    focus = false;
  } else {
    b.element("p", {{"class", "parley-data-none"}}, t("data.no_likes"));
  }
  if (!in.signed_in && !in.privacy_url.empty()) {
    b.open("p", {{"class", "parley-data-email"}});
    b.element("a",
              {{"href", in.privacy_url},
               {"target", "_blank"},
               {"rel", "noopener"},
               {focus ? "data-parley-key" : "", keys::kDataFocus}},
              t("data.email"));
    b.close("p");
  }
  return std::move(b).finish();
}

std::string data_question(bool signed_in, std::size_t comments, std::size_t likes) {
  const i18n::Catalog& cat = i18n::active();
  const std::string l = cat.count("data.likes", likes);
  if (!signed_in) return cat.text("data.guest_confirm", {{"likes", l}});
  return cat.text("data.confirm",
                  {{"comments", cat.count("data.comments", comments)}, {"likes", l}});
}

std::string data_deleted(bool signed_in, std::size_t comments, std::size_t likes) {
  const i18n::Catalog& cat = i18n::active();
  const std::string l = cat.count("data.likes", likes);
  if (!signed_in) return cat.text("data.guest_deleted", {{"likes", l}});
  return cat.text("data.deleted",
                  {{"comments", cat.count("data.comments", comments)}, {"likes", l}});
}

}  // namespace parley::view
