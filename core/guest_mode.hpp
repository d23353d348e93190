// What a site asks of readers who comment without logging in (docs/login.md, the
// `guests` member of a site's login config). One rule for the widget (it learns the
// mode from GET /api/login) and for parleyd (JSON API and the plain form), so a draft
// the widget accepts is one the server accepts.
#pragma once

#include <optional>
#include <string_view>

#include "validate.hpp"

namespace parley {

enum class GuestMode {
  allowed,          // name and email optional (anonymous comments); given ones are checked
  required_fields,  // a name and an email are required (WordPress's "require_name_email")
  disabled,         // "login required": only logged-in readers comment
};

// The default when a site configures no mode: what guests were always asked for.
inline constexpr GuestMode kDefaultGuestMode = GuestMode::required_fields;

// "allowed", "required-fields", "disabled" (the config and wire names).
std::string_view guest_mode_name(GuestMode mode);
std::optional<GuestMode> guest_mode_from_name(std::string_view name);

// How a guest's draft is validated under `mode` (disabled: as required-fields; the
// caller refuses the guest before validating).
Author guest_author(GuestMode mode);

}  // namespace parley
