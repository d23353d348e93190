// Who the reader is, when they are logged in: the one place an `Authorization: Bearer`
// header becomes a verified identity for any handler (comments, likes, session, logout).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "api/context.hpp"
#include "api/message.hpp"
#include "auth/session_token.hpp"
#include "core/guest_mode.hpp"

namespace parley::server {

struct ReaderIdentity {
  auth::Identity token;       // session, site, provider id, subject, name, avatar, expires
  std::string provider_name;  // as the site configures it: "GitHub"

  const std::string& provider() const { return token.provider; }
  const std::string& subject() const { return token.subject; }  // never sent to browsers
  const std::string& name() const { return token.name; }
  const std::string& avatar() const { return token.avatar; }  // https URL or ""
};

// No Authorization header (or login not enabled): nullopt, the reader is a guest.
// A bearer token that is forged, expired, revoked or for another site throws
// ApiError(login_required) -> 401 JSON, so a stale login never silently becomes a guest.
std::optional<ReaderIdentity> reader_identity(const Request& req, const Context& ctx);

// As above, but a missing header is also 401 ("Please log in first.").
ReaderIdentity require_reader_identity(const Request& req, const Context& ctx);

// The site's guest mode (core/guest_mode.hpp; the default when login is not configured).
GuestMode guest_mode(const Context& ctx);

// A guest (no bearer token) may post unless the site's guest mode is `disabled`: then
// ApiError(login_required). Returns the mode, which decides whether core's validation
// requires the guest's name and email.
GuestMode require_guests_allowed(const Context& ctx);

}  // namespace parley::server
