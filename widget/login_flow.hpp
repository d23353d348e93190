// The reader's login in the widget (docs/login.md): the site's offer, the popup, the
// session token kept in localStorage and sent as a bearer token, logging out.
#pragma once

#include <string_view>

#include "core/validate.hpp"
#include "events.hpp"
#include "output.hpp"
#include "state.hpp"

namespace parley::widget {

// On start: ask which providers the site offers and restore a stored session.
void start_login(State& s, const StartEvent& e, Output& out);
// On start of an embed without the login row (likes only): restore a stored session,
// silently, so likes are the account's.
void resume_session(State& s, const StartEvent& e, Output& out);
// True when `request` was one of the login flow's and has been handled.
bool on_login_response(State& s, const ResponseEvent& e, Output& out);
// login, login-cancel, login-instance, logout, login-change; false for other actions.
bool on_login_action(State& s, const ActionEvent& e, Output& out);
void on_login_event(State& s, const LoginEvent& e, Output& out);
// The Mastodon server field (`instance`) as the reader types it.
void on_instance_field(State& s, const FieldEvent& e);

bool logged_in(const State& s);
// How the draft is validated: as the reader's login, else as the site's guest mode says.
Author author(const State& s);
// The bearer token for requests made as the reader ("" for a guest).
std::string_view bearer(const State& s);
// The server no longer accepts the token (401): back to guest, token forgotten, the
// likes asked again as the guest.
void login_lost(State& s, Output& out);

}  // namespace parley::widget
