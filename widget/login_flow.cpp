#include "login_flow.hpp"

#include <algorithm>

#include "api.hpp"
#include "core/host.hpp"
#include "core/i18n.hpp"
#include "core/share_options.hpp"
#include "core/view_keys.hpp"
#include "core/view_login.hpp"
#include "data_flow.hpp"
#include "likes_flow.hpp"

namespace parley::widget {

namespace keys = view::keys;
using Phase = LoginState::Phase;

namespace {

constexpr int kOk = 200;
constexpr int kUnauthorized = 401;

std::string t(std::string_view key, std::initializer_list<i18n::Arg> args = {}) {
  return i18n::active().text(key, args);
}

const LoginProviderInfo* find_provider(const State& s, std::string_view id) {
  const auto it = std::find_if(s.login.providers.begin(), s.login.providers.end(),
                               [&](const LoginProviderInfo& p) { return p.shown.id == id; });
  return it == s.login.providers.end() ? nullptr : &*it;
}

std::string provider_name(const State& s, std::string_view id) {
  const LoginProviderInfo* p = find_provider(s, id);
  return p ? p->shown.name : std::string(id);
}

void render(State& s, Output& out) {
  const LoginState& l = s.login;
  if (!l.shown) return;  // a likes-only embed: no login row, no form
  std::vector<view::LoginProvider> shown;
  for (const LoginProviderInfo& p : l.providers) shown.push_back(p.shown);
  switch (l.phase) {
    case Phase::logged_in:
      out.html(keys::kLogin, view::login_logged_in(l.who, l.message));
      break;
    case Phase::connecting:
      out.html(keys::kLogin, view::login_connecting(provider_name(s, l.provider)));
      break;
    case Phase::instance:
      out.html(keys::kLogin, view::login_instance(provider_name(s, l.provider), l.instance,
                                                  l.instance_error, s.id_prefix));
      break;
    case Phase::guest: {
      const view::Chooser chooser = l.changing     ? view::Chooser::change
                                    : l.required() ? view::Chooser::required
                                                   : view::Chooser::offer;
      out.html(keys::kLogin, shown.empty()
                                 ? SafeHtml()
                                 : view::login_chooser(shown, chooser, l.message, l.labels));
      break;
    }
  }
  const bool in = logged_in(s);
  const std::optional<std::string_view> hidden =
      in ? std::optional<std::string_view>("") : std::nullopt;
  out.attr(keys::kGuest, "hidden", hidden);
  out.attr(keys::kNotes, "hidden", hidden);
  data_login_changed(s, out);
  // "Login required": until the reader is logged in the form shows only the row.
  out.attr(keys::kFormBody, "hidden",
           l.required() && !in ? std::optional<std::string_view>("") : std::nullopt);
  // The "*" and `required` of name and email follow the guest mode, as validation does.
  const bool named = l.guests != GuestMode::allowed;
  for (const std::string_view field : {"author", "email"}) {
    out.attr(keys::required_mark(field), "hidden",
             named ? std::nullopt : std::optional<std::string_view>(""));
    out.attr(keys::field(field), "required",
             named ? std::optional<std::string_view>("") : std::nullopt);
  }
}

void forget_token(State& s, Output& out) {
  s.login.token.clear();
  out.remove(api::login_token_key(s.site));
}

void check_session(State& s, std::string_view token, Output& out) {
  s.login.session_request = s.next_request++;
  out.fetch(s.login.session_request, "GET", api::session_path(s.site), std::nullopt, token);
}

void close_session(State& s, std::string_view token, Output& out) {
  // The server forgets the session too; its answer changes nothing here.
  out.fetch(s.next_request++, "POST", api::logout_path(s.site), std::nullopt, token);
}

// A change of account that did not happen (cancelled, refused, failed): the reader is
// logged in as before, and told so.
void keep_session(State& s, std::string_view reason, Output& out) {
  LoginState& l = s.login;
  // A new login whose session is still being checked is dropped, on the server too.
  if (!l.new_token.empty()) close_session(s, l.new_token, out);
  l.session_request = 0;
  l.changing = false;
  l.new_token.clear();
  l.provider = l.kept_provider;
  l.phase = Phase::logged_in;
  l.message = std::string(reason);
  if (!l.message.empty()) l.message += ' ';
  l.message += t("login.kept", {{"name", l.who.name}});
  render(s, out);
  out.focus(keys::kLoginFocus);
}

void back_to_chooser(State& s, std::string message, Output& out) {
  s.login.phase = Phase::guest;
  s.login.message = std::move(message);
  render(s, out);
}

void open_popup(State& s, std::string_view provider, std::string_view instance, Output& out) {
  out.popup(api::login_start_path(s.site, provider, s.login.origin, instance, s.login.changing));
  s.login.phase = Phase::connecting;
  s.login.provider = std::string(provider);
  s.login.message.clear();
  render(s, out);
  out.focus(keys::kLoginFocus);
}

// Readers paste "https://mastodon.social/" or "@ada@mastodon.social" as often as the
// bare host; all three name the same server.
std::string instance_host(std::string_view typed) {
  while (!typed.empty() && (typed.front() == ' ' || typed.front() == '@')) typed.remove_prefix(1);
  while (!typed.empty() && (typed.back() == ' ' || typed.back() == '/')) typed.remove_suffix(1);
  if (typed.starts_with("https://")) typed.remove_prefix(8);
  if (const auto at = typed.rfind('@'); at != std::string_view::npos) typed.remove_prefix(at + 1);
  std::string host(typed);
  std::transform(host.begin(), host.end(), host.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return host;
}

void on_options(State& s, const ResponseEvent& e, Output& out) {
  api::LoginOptions options;
  if (e.status != kOk || !api::read_login_options(e.body, options)) return;  // guests only
  s.login.guests = options.guests;
  s.login.providers.clear();
  for (api::LoginOptions::Provider& p : options.providers) {
    s.login.providers.push_back(
        {{std::move(p.id), std::move(p.name), std::move(p.icon)}, p.kind == "mastodon"});
  }
  render(s, out);
}

void on_session(State& s, const ResponseEvent& e, Output& out) {
  LoginState& l = s.login;
  api::Session session;
  if (e.status == kOk && api::read_session(e.body, session)) {
    if (l.changing) {
      // The new login works: only now is the old session closed and its token replaced.
      close_session(s, l.token, out);
      l.token = std::move(l.new_token);
      l.changing = false;
      out.save_string(api::login_token_key(s.site), l.token);
    }
    s.login.phase = Phase::logged_in;
    s.login.provider = session.provider;
    s.login.who = {session.name, session.avatar, session.provider_name};
    s.login.message.clear();
    render(s, out);
    reload_likes(s, out);
    return;
  }
  if (l.changing) return keep_session(s, t("login.failed"), out);
  // A token the server refuses is worthless; a network failure may pass, so the token
  // is kept for the next page view, but this one continues as a guest.
  if (e.status == kUnauthorized) forget_token(s, out);
  back_to_chooser(s, s.login.phase == Phase::connecting ? t("login.failed") : "", out);
}

}  // namespace

void start_login(State& s, const StartEvent& e, Output& out) {
  s.login.shown = true;
  s.login.origin = e.origin;
  // The owner's share style (data-parley-share-style) is the embed's one style setting.
  s.login.labels = share::parse_style(e.share.style) != share::Style::Icons;
  s.login.instance = e.instance;
  s.login.options_request = s.next_request++;
  out.fetch(s.login.options_request, "GET", api::login_options_path(s.site));
  resume_session(s, e, out);
}

void resume_session(State& s, const StartEvent& e, Output& out) {
  if (e.token.empty()) return;
  s.login.token = e.token;
  check_session(s, s.login.token, out);
}

bool on_login_response(State& s, const ResponseEvent& e, Output& out) {
  if (e.request == s.login.options_request) {
    s.login.options_request = 0;
    on_options(s, e, out);
    return true;
  }
  if (e.request == s.login.session_request) {
    s.login.session_request = 0;
    on_session(s, e, out);
    return true;
  }
  return false;
}

bool on_login_action(State& s, const ActionEvent& e, Output& out) {
  LoginState& l = s.login;
  if (e.action == "login") {
    const LoginProviderInfo* p = find_provider(s, e.value);
    if (!p || l.phase == Phase::connecting) return true;
    if (!p->mastodon) {
      open_popup(s, p->shown.id, "", out);
      return true;
    }
    l.phase = Phase::instance;
    l.provider = p->shown.id;
    l.instance_error.clear();
    render(s, out);
    out.focus(keys::field("instance"));
    return true;
  }
  if (e.action == "login-instance") {
    if (l.phase != Phase::instance) return true;
    const std::string host = instance_host(l.instance);
    if (!is_dns_name(host)) {
      l.instance_error = t("login.instance_invalid");
      render(s, out);
      out.focus(keys::field("instance"));
      return true;
    }
    l.instance = host;
    out.save_string(api::kInstanceKey, host);
    open_popup(s, l.provider, host, out);
    return true;
  }
  if (e.action == "login-cancel") {
    if (l.phase == Phase::connecting) out.close_popup();
    if (l.changing) {
      keep_session(s, "", out);
    } else if (l.phase == Phase::connecting || l.phase == Phase::instance) {
      back_to_chooser(s, "", out);
      out.focus(keys::kLoginFocus);
    }
    return true;
  }
  if (e.action == "logout") {
    if (l.phase != Phase::logged_in) return true;
    close_session(s, l.token, out);
    forget_token(s, out);
    back_to_chooser(s, "", out);
    out.focus(keys::kLoginFocus);
    reload_likes(s, out);  // "liked" is the browser's again, no longer the account's
    return true;
  }
  if (e.action == "login-change") {
    if (l.phase != Phase::logged_in) return true;
    // The current session stays until another login succeeds (keep_session otherwise).
    l.changing = true;
    l.kept_provider = l.provider;
    back_to_chooser(s, "", out);
    out.focus(keys::kLoginFocus);
    reload_likes(s, out);
    return true;
  }
  return false;
}

void on_login_event(State& s, const LoginEvent& e, Output& out) {
  if (s.login.phase != Phase::connecting) return;  // cancelled meanwhile: nothing waits
  LoginState& l = s.login;
  if (!e.token.empty()) {
    // The token names the reader, but the session says so with the provider's name.
    if (l.changing) {
      l.new_token = e.token;  // saved once its session is confirmed
      return check_session(s, l.new_token, out);
    }
    l.token = e.token;
    out.save_string(api::login_token_key(s.site), e.token);
    return check_session(s, l.token, out);
  }
  const std::string reason = !e.error.empty() ? e.error
                             : e.blocked      ? t("login.blocked")
                                              : t("login.closed");
  if (l.changing) return keep_session(s, reason, out);
  back_to_chooser(s, reason, out);
  out.focus(keys::kLoginFocus);
}

void on_instance_field(State& s, const FieldEvent& e) {
  if (s.login.phase == Phase::instance) s.login.instance = e.value;
}

bool logged_in(const State& s) {
  // While changing accounts the reader is still logged in as before.
  return s.login.phase == Phase::logged_in || s.login.changing;
}

Author author(const State& s) {
  return logged_in(s) ? Author::verified : guest_author(s.login.guests);
}

std::string_view bearer(const State& s) {
  return logged_in(s) ? std::string_view(s.login.token) : std::string_view();
}

void login_lost(State& s, Output& out) {
  s.login.changing = false;
  s.login.new_token.clear();
  forget_token(s, out);
  back_to_chooser(s, "", out);
  reload_likes(s, out);
}

}  // namespace parley::widget
