#include "view_share_bar.hpp"

#include "html.hpp"
#include "i18n.hpp"
#include "share_icons.hpp"
#include "view_icon.hpp"
#include "view_keys.hpp"

namespace parley::view {
namespace {

using share::Target;

std::string t(std::string_view key, std::initializer_list<i18n::Arg> args = {}) {
  return i18n::active().text(key, args);
}

// Share… and SMS depend on the reader's device.
bool device_bound(Target target) {
  return target == Target::Native || share::info(target).touch_only;
}

bool shown_here(Target target, const ShareBarInput& in) {
  if (target == Target::Native) return in.can_native || in.any_device;
  if (share::info(target).touch_only) return in.touch || in.any_device;
  return true;
}

std::string item_class(Target target, const ShareBarInput& in) {
  return in.any_device && device_bound(target) ? "parley-spread-item parley-spread-coarse"
                                               : "parley-spread-item";
}

// Visible name: a brand stays as written; an action or generic channel is translated.
std::string label(Target target) {
  switch (target) {
    case Target::Email:
      return t("share.email");
    case Target::Sms:
      return t("share.sms");
    case Target::Copy:
      return t("share.copy");
    case Target::Native:
      return t("share.native");
    case Target::Print:
      return t("share.print");
    default:
      return std::string(share::info(target).name);
  }
}

// Accessible name: says where the click goes, and that a new window opens.
std::string accessible_name(Target target) {
  switch (target) {
    case Target::Email:
      return t("share.by_email");
    case Target::Sms:
      return t("share.by_sms");
    case Target::Copy:
    case Target::Native:
    case Target::Print:
      return label(target);
    default:
      return t("share.on_window", {{"name", share::info(target).name}});
  }
}

void icon(HtmlBuilder& b, Target target, bool drawn) {
  icon_svg(b, "parley-spread-icon", drawn ? share::icon_path(target) : std::string_view());
}

// Icon and/or visible label, per the owner's style.
void face(HtmlBuilder& b, Target target, const ShareBarInput& in) {
  const share::Style style = in.style;
  if (style != share::Style::Labels) icon(b, target, !in.stand_in);
  if (style != share::Style::Icons) {
    b.element("span", {{"class", "parley-spread-label"}}, label(target));
  }
}

std::string link_class(Target target) {
  return "parley-spread-link parley-spread-" + std::string(share::info(target).id);
}

void link(HtmlBuilder& b, Target shown_as, const std::string& href, const ShareBarInput& in) {
  // mailto: and sms: hand over to an app: a new window would stay behind empty.
  const bool app = shown_as == Target::Email || shown_as == Target::Sms;
  b.open("a", {{"class", link_class(shown_as)},
               {"href", href},
               {app ? "" : "target", "_blank"},
               {"rel", "noopener noreferrer"},
               {"aria-label", accessible_name(shown_as)},
               {"data-parley-spread", share::info(shown_as).id},
               {"data-parley-key", spread_key(shown_as)}});
  face(b, shown_as, in);
  b.close("a");
}

void button(HtmlBuilder& b, Target target, std::string_view action, const std::string& name,
            const ShareBarInput& in) {
  b.open("button", {{"type", "button"},
                    {"class", link_class(target)},
                    {"aria-label", name},
                    {"data-parley-action", action},
                    {"data-parley-spread", share::info(target).id},
                    {"data-parley-key", spread_key(target)}});
  face(b, target, in);
  b.close("button");
}

void action_button(HtmlBuilder& b, Target target, const ShareBarInput& in) {
  const std::string action = "spread-" + std::string(share::info(target).id);
  button(b, target, action, accessible_name(target), in);
}

// A fediverse target: a link to the reader's own server once it is known (with a way
// to change it), else a button asking for it.
void fediverse(HtmlBuilder& b, Target target, const ShareBarInput& in) {
  if (in.server.empty()) {
    b.open("button",
           {{"type", "button"},
            {"class", link_class(target)},
            {"aria-label", t("share.on", {{"name", share::info(target).name}})},
            {"aria-controls", keys::with_name(in.id_prefix, "spread-server")},
            {"data-parley-action", "spread-server-" + std::string(share::info(target).id)},
            {"data-parley-key", spread_key(target)}});
    face(b, target, in);
    b.close("button");
    return;
  }
  // The generic "mastodon" button follows the reader's software; a button the owner
  // named for one software keeps that software's URL.
  const Target shown_as =
      target == Target::Mastodon ? share::fediverse_target(in.software) : target;
  link(b, shown_as, share::share_url(shown_as, in.page, in.server), in);
  b.open("button",
         {{"type", "button"},
          {"class", "parley-spread-change"},
          {"aria-label", t("share.change_label", {{"host", in.server}})},
          {"data-parley-action", "spread-change-" + std::string(share::info(target).id)}});
  b.text(t("share.change"));
  b.close("button");
}

}  // namespace

std::string spread_key(Target target) {
  return keys::with_name("spread-", share::info(target).id);
}

SafeHtml share_items(const ShareBarInput& in) {
  HtmlBuilder b;
  for (const Target target : in.targets) {
    if (!shown_here(target, in)) continue;
    const share::TargetInfo& info = share::info(target);
    if (info.kind == share::Kind::Action) {
      b.open("li", {{"class", item_class(target, in)}});
      action_button(b, target, in);
      b.close("li");
    } else if (info.needs_instance) {
      b.open("li", {{"class", item_class(target, in)}});
      fediverse(b, target, in);
      b.close("li");
    } else if (const std::string href = share::share_url(target, in.page); !href.empty()) {
      b.open("li", {{"class", item_class(target, in)}});
      link(b, target, href, in);
      b.close("li");
    }
  }
  return std::move(b).finish();
}

SafeHtml share_bar(const ShareBarInput& in) {
  const i18n::Catalog& cat = i18n::active();
  const std::string title_id = keys::with_name(in.id_prefix, "spread-title");
  HtmlBuilder b;
  b.open("section",
         {{"class", "parley-spread parley-spread--" + std::string(share::style_id(in.style))},
          {"id", keys::with_name(in.id_prefix, "spread")},
          // The widget replaces the early rendering's stand-in bar (view_static.hpp) whole.
          {"data-parley-key", "spread"},
          {"lang", cat.lang()},
          {"dir", cat.dir()},
          {"aria-labelledby", title_id}});
  b.element("h2", {{"class", "parley-spread-title"}, {"id", title_id}}, t("share.title"));
  b.open("ul", {{"class", "parley-spread-list"}, {"data-parley-key", "spread-list"}});
  b.html(share_items(in));
  b.close("ul");
  b.open("div", {{"class", "parley-spread-server"},
                 {"id", keys::with_name(in.id_prefix, "spread-server")},
                 {"data-parley-key", "spread-server"}});
  b.close("div");
  // Always in the DOM, so screen readers announce what is written into it later. A
  // polite live region rather than role=status: the comments section has the page's
  // one status region.
  b.open("p", {{"class", "parley-spread-status"},
               {"aria-live", "polite"},
               {"data-parley-key", "spread-status"}});
  b.close("p");
  b.close("section");
  return std::move(b).finish();
}

SafeHtml server_prompt(const ServerPrompt& in) {
  const std::string field_id = keys::field_id(in.id_prefix, "server");
  const std::string error_id = keys::error_id(in.id_prefix, "server");
  HtmlBuilder b;
  b.open("form",
         {{"class", "parley-spread-form"}, {"data-parley-form", "server"}, {"novalidate", ""}});
  b.element("label", {{"class", "parley-label"}, {"for", field_id}},
            t("share.server_label", {{"name", share::info(in.target).name}}));
  b.empty("input", {{"class", "parley-input"},
                    {"id", field_id},
                    {"name", "server"},
                    {"type", "text"},
                    {"inputmode", "url"},
                    {"autocapitalize", "none"},
                    {"spellcheck", "false"},
                    {"placeholder", "mastodon.social"},
                    {"value", in.value},
                    {"data-parley-field", "server"},
                    {"data-parley-key", keys::field("server")},
                    {"aria-describedby", error_id},
                    {in.error.empty() ? "" : "aria-invalid", "true"}});
  b.element("button", {{"type", "submit"}, {"class", "parley-submit"}}, t("share.server_submit"));
  b.element("p",
            {{"class", "parley-error"},
             {"id", error_id},
             {"data-parley-key", keys::error("server")},
             {"aria-live", "polite"}},
            in.error);
  b.close("form");
  return std::move(b).finish();
}

}  // namespace parley::view
