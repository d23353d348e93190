// The login provider row's marks (docs/login.md): SVG path data on a 24x24 grid, inlined
// so showing the row fetches nothing. Generated into login_icons.cpp by
// scripts/gen-share-icons.mjs from the simple-icons package; brands the share bar also
// shows (X, Facebook, Mastodon) are its paths, not second copies.
#pragma once

#include <string_view>

namespace parley::login {

// `brand`: a preset's id ("wordpress", "x", "facebook", "google", "github", "gitlab",
// "mastodon"); anything else (any OpenID Connect issuer) gets the OpenID mark.
std::string_view icon_path(std::string_view brand);

}  // namespace parley::login
