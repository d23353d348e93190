// The login part of the respond form (docs/login.md): WordPress.com's "Fill in your
// details below or click an icon to log in:" with a row of provider buttons, the
// "Connecting to …" state with Cancel, the Mastodon server prompt, and "You are
// commenting using your … account. (Log Out / Change / Your data)".
//
//   <div class="parley-login" data-parley-key="login"> one of the states below </div>
//
// Every button is a real <button type="button"> with an accessible name, so the row is
// reachable and usable with the keyboard alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "safe_html.hpp"

namespace parley::view {

struct LoginProvider {
  std::string id;    // data-parley-value of its button
  std::string name;  // "GitHub": "Log in with GitHub"
  std::string icon;  // brand of its mark (login_icons.hpp): "github"; else the OpenID mark
};

enum class Chooser {
  offer,     // guests may comment too: "Fill in your details below or click an icon…"
  required,  // the site allows no guests: "You must be logged in…"
  change,    // "Change" while logged in: another account, or Cancel to keep this one
};

// The provider row, each provider an inline SVG mark (no network) with its name as the
// accessible name; `labels` also shows the name beside the mark (the embed's
// icons+labels style). `message`: why the last login did not work ("" for none).
SafeHtml login_chooser(const std::vector<LoginProvider>& providers, Chooser chooser,
                       std::string_view message, bool labels = false);

// While the popup is open: "Connecting to GitHub…" and a Cancel button.
SafeHtml login_connecting(std::string_view provider_name);

// A Mastodon provider needs the reader's server first. `id_prefix` makes the field's
// id unique in the page; `error` is shown under the field and described by it.
SafeHtml login_instance(std::string_view provider_name, std::string_view value,
                        std::string_view error, std::string_view id_prefix);

struct LoggedIn {
  std::string name;
  std::string avatar;  // shown only when core/validate.hpp's is_safe_avatar_url allows
  std::string provider_name;
};
// `message`: why a change of account did not happen ("" for none). "Your data" opens
// the data panel (view_data.hpp).
SafeHtml login_logged_in(const LoggedIn& who, std::string_view message = {});

}  // namespace parley::view
