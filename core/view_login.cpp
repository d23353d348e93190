#include "view_login.hpp"

#include "html.hpp"
#include "i18n.hpp"
#include "validate.hpp"
#include "view_comment.hpp"
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

// The provider's mark: its initial on the provider's stable colour, so every provider
// (including any OpenID Connect issuer an owner adds) has an icon without fetching one.
void provider_icon(HtmlBuilder& b, std::string_view name) {
  const std::string hue =
      "parley-avatar parley-login-icon parley-avatar-" + std::to_string(avatar_hue(name));
  b.element("span", {{"class", hue}, {"aria-hidden", "true"}}, avatar_initial(name));
}

}  // namespace

SafeHtml login_chooser(const std::vector<LoginProvider>& providers, bool required,
                       std::string_view message) {
  HtmlBuilder b;
  message_line(b, message);
  b.element("p", {{"class", "parley-login-prompt"}},
            t(required ? "login.choose_required" : "login.choose"));
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
    provider_icon(b, p.name);
    b.close("button");
    b.close("li");
  }
  b.close("ul");
  return std::move(b).finish();
}

SafeHtml login_connecting(std::string_view provider_name) {
  HtmlBuilder b;
  b.open("p", {{"class", "parley-login-connecting"}, {"role", "status"}});
  b.text(t("login.connecting", {{"provider", provider_name}}));
  b.text(" ");
  b.element("button",
            {{"type", "button"},
             {"class", "parley-login-cancel"},
             {"data-parley-action", "login-cancel"},
             {"data-parley-key", keys::kLoginFocus}},
            t("login.cancel"));
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
  b.element("button",
            {{"type", "button"},
             {"class", "parley-login-cancel"},
             {"data-parley-action", "login-cancel"}},
            t("login.cancel"));
  b.close("p");
  return std::move(b).finish();
}

SafeHtml login_logged_in(const LoggedIn& who) {
  HtmlBuilder b;
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
  b.text(")");
  b.close("p");
  return std::move(b).finish();
}

}  // namespace parley::view
