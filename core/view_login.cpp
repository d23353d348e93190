#include "view_login.hpp"

#include "html.hpp"
#include "i18n.hpp"
#include "login_icons.hpp"
#include "validate.hpp"
#include "view_icon.hpp"
#include "view_keys.hpp"

namespace parley::view {
namespace {

std::string t(std::string_view key, std::initializer_list<i18n::Arg> args = {}) {
  return i18n::active().text(key, args);
}

void message_line(HtmlBuilder& b, std::string_view message) {
  if (message.empty()) return;
  b.element("p", {{"class", "parley-login-message"}, {"role", "alert"}}, message);
}

// The provider's mark, inline (nothing is fetched), in currentColor so a theme colours it.
void provider_icon(HtmlBuilder& b, std::string_view icon) {
  icon_svg(b, "parley-login-icon", login::icon_path(icon));
}

// `focus`: the keyboard goes here after the step that shows it.
void cancel_button(HtmlBuilder& b, bool focus) {
  b.element("button",
            {{"type", "button"},
             {"class", "parley-login-cancel"},
             {"data-parley-action", "login-cancel"},
             {focus ? "data-parley-key" : "", keys::kLoginFocus}},
            t("login.cancel"));
}

constexpr std::string_view prompt_key(Chooser chooser) {
  switch (chooser) {
    case Chooser::required:
      return "login.choose_required";
    case Chooser::change:
      return "login.choose_change";
    default:
      return "login.choose";
  }
}

}  // namespace

SafeHtml login_chooser(const std::vector<LoginProvider>& providers, Chooser chooser,
                       std::string_view message, bool labels) {
  HtmlBuilder b;
  message_line(b, message);
  b.element("p", {{"class", "parley-login-prompt"}}, t(prompt_key(chooser)));
  b.open("ul", {{"class", "parley-login-providers"}});
  for (const LoginProvider& p : providers) {
    const std::string label = t("login.with", {{"provider", p.name}});
    const bool first = &p == &providers.front();
    b.open("li");
    b.open("button", {{"type", "button"},
                      {"class", "parley-login-provider"},
                      {"data-parley-action", "login"},
                      {"data-parley-value", p.id},
                      {"aria-label", label},
                      {"title", label},
                      {first ? "data-parley-key" : "", keys::kLoginFocus}});
    provider_icon(b, p.icon);
    if (labels) b.element("span", {{"class", "parley-login-label"}}, p.name);
    b.close("button");
    b.close("li");
  }
  b.close("ul");
  if (chooser == Chooser::change) {
    b.open("p");
    cancel_button(b, false);
    b.close("p");
  }
  return std::move(b).finish();
}

SafeHtml login_connecting(std::string_view provider_name) {
  HtmlBuilder b;
  b.open("p", {{"class", "parley-login-connecting"}, {"role", "status"}});
  b.text(t("login.connecting", {{"provider", provider_name}}));
  b.text(" ");
  cancel_button(b, true);
  b.close("p");
  return std::move(b).finish();
}

SafeHtml login_instance(std::string_view provider_name, std::string_view value,
                        std::string_view error, std::string_view id_prefix) {
  const std::string id = keys::field_id(id_prefix, "instance");
  const std::string error_id = keys::error_id(id_prefix, "instance");
  HtmlBuilder b;
  b.open("p", {{"class", "parley-field parley-field-instance"}});
  b.element("label", {{"class", "parley-label"}, {"for", id}}, t("login.instance"));
  b.empty("input", {{"class", "parley-input"},
                    {"id", id},
                    {"type", "text"},
                    {"inputmode", "url"},
                    {"autocomplete", "off"},
                    {"spellcheck", "false"},
                    {"placeholder", "mastodon.social"},
                    {"value", value},
                    {"data-parley-field", "instance"},
                    {"data-parley-key", keys::field("instance")},
                    {"aria-describedby", error_id},
                    {error.empty() ? "" : "aria-invalid", "true"}});
  b.element("span", {{"class", "parley-error"}, {"id", error_id}, {"role", "alert"}}, error);
  b.close("p");
  b.open("p", {{"class", "parley-login-instance-actions"}});
  b.element("button",
            {{"type", "button"},
             {"class", "parley-login-go"},
             {"data-parley-action", "login-instance"},
             {"aria-label", t("login.with", {{"provider", provider_name}})}},
            t("login.instance_go"));
  b.text(" ");
  cancel_button(b, false);
  b.close("p");
  return std::move(b).finish();
}

SafeHtml login_logged_in(const LoggedIn& who, std::string_view message) {
  HtmlBuilder b;
  message_line(b, message);
  b.open("p", {{"class", "parley-login-as"}});
  if (is_safe_avatar_url(who.avatar)) {
    b.empty("img", {{"class", "parley-login-avatar"},
                    {"src", who.avatar},
                    {"alt", ""},
                    {"width", "32"},
                    {"height", "32"},
                    {"referrerpolicy", "no-referrer"}});
  }
  b.element("strong", {{"class", "parley-login-name"}}, who.name);
  b.text(" ");
  b.text(t("login.using", {{"provider", who.provider_name}}));
  b.text(" (");
  b.element("button",
            {{"type", "button"},
             {"class", "parley-login-out"},
             {"data-parley-action", "logout"},
             {"data-parley-key", keys::kLoginFocus}},
            t("login.logout"));
  b.text(" / ");
  b.element("button",
            {{"type", "button"},
             {"class", "parley-login-change"},
             {"data-parley-action", "login-change"}},
            t("login.change"));
  b.text(" / ");
  b.element("button",
            {{"type", "button"},
             {"class", "parley-login-data"},
             {"data-parley-action", "data"},
             {"data-parley-value", "login"},
             {"data-parley-key", keys::kDataLinkLogin}},
            t("data.link"));
  b.text(")");
  b.close("p");
  return std::move(b).finish();
}

}  // namespace parley::view
