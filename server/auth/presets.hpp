// Provider presets: what a site owner would otherwise copy from each provider's
// developer documentation (endpoints, scopes, where the user's id, name and avatar sit
// in the profile). A config entry names a preset and adds its own client id and secret;
// any member it sets overrides the preset's.
//
// The endpoints are those the providers document; they cannot be reached from the test
// machines, so tests/server/native/login_presets_test.cpp checks the URLs parleyd builds
// and the claim mapping against the documented profile shapes, not a live login.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace parley::server::auth {

// Dotted paths into the profile JSON ("data.id", "picture.data.url").
struct ClaimMap {
  std::string id = "sub";
  std::string name = "name";
  std::string fallback_name = "preferred_username";
  std::string avatar = "picture";
};

enum class ProviderKind {
  oidc,    // discovery + ID token (Google, GitLab, any issuer)
  oauth2,  // authorize + token + profile endpoint (GitHub, WordPress.com, X, Facebook)
  // the reader names their instance; parleyd registers an app there (auth/mastodon.hpp)
  mastodon,
};

struct ProviderPreset {
  std::string_view id;
  std::string_view name;
  ProviderKind kind;
  std::string_view issuer;                  // oidc
  std::string_view authorization_endpoint;  // oauth2
  std::string_view token_endpoint;          // oauth2
  std::string_view userinfo_endpoint;       // oauth2: the profile of the token's owner
  std::vector<std::string> scopes;
  ClaimMap claims;
  // The client authenticates at the token endpoint with HTTP Basic (RFC 6749 §2.3.1)
  // instead of form fields: X requires it of confidential clients.
  bool basic_auth = false;
};

// nullptr for an unknown preset name.
const ProviderPreset* find_preset(std::string_view name);
std::vector<std::string_view> preset_names();

struct MappedProfile {
  std::string subject;  // numbers (GitHub, WordPress.com ids) are written in decimal
  std::string name;
  std::string avatar;  // unchecked; the caller keeps only safe URLs
};

// The reader's id, name and avatar from a profile document; nullopt without an id.
std::optional<MappedProfile> map_profile(const nlohmann::json& profile, const ClaimMap& claims);

}  // namespace parley::server::auth
