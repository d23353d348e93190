// What the widget remembers about the reader's login (docs/login.md): the site's
// offer (guest mode, providers), the session token and whose it is, and where a login
// under way stands.
#pragma once

#include <string>
#include <vector>

#include "core/guest_mode.hpp"
#include "core/view_login.hpp"

namespace parley::widget {

struct LoginProviderInfo {
  view::LoginProvider shown;  // id and name
  bool mastodon = false;      // the reader names their server first
};

struct LoginState {
  enum class Phase {
    guest,       // the provider row (when the site offers any) above the guest fields
    instance,    // asking a Mastodon reader for their server
    connecting,  // the popup is open: "Connecting to …" with Cancel
    logged_in,   // "You are commenting using your … account."
  };
  Phase phase = Phase::guest;
  std::string origin;  // the page's origin: /auth/start posts the token back to it only
  GuestMode guests = kDefaultGuestMode;                            // from GET /api/login
  bool required() const { return guests == GuestMode::disabled; }  // "login required"
  std::vector<LoginProviderInfo> providers;
  std::string token;  // the session token while logged in (or being checked)
  view::LoggedIn who;
  std::string provider;  // id of the provider being connected to / logged in with
  std::string instance;  // the Mastodon server the reader typed (remembered)
  std::string instance_error;
  std::string message;  // why the last login did not work
  bool labels = false;  // the provider row shows names beside the marks (icons+labels style)
  // The login row is on the page (the comments part): a likes-only embed has none, yet
  // likes as the reader's stored session.
  bool shown = false;
  // "Change" under way: the reader stays logged in (token, who) until the new login's
  // session is confirmed; cancelling or failing returns to it.
  bool changing = false;
  std::string kept_provider;  // the provider of the login kept meanwhile
  std::string new_token;      // the new login's token while its session is checked
  int options_request = 0;
  int session_request = 0;
};

}  // namespace parley::widget
