#include "auth/presets.hpp"

#include <nlohmann/json.hpp>

namespace parley::server::auth {
namespace {

using nlohmann::json;

// Documented at (2025): developers.google.com/identity/openid-connect/openid-connect,
// docs.gitlab.com/ee/integration/openid_connect_provider.html,
// docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps,
// developer.wordpress.com/docs/oauth2/, docs.x.com/resources/fundamentals/authentication/
// oauth-2-0/authorization-code, developers.facebook.com/docs/facebook-login/guides/
// advanced/manual-flow, docs.joinmastodon.org/methods/apps/ and /spec/oauth/.
const std::vector<ProviderPreset>& presets() {
  static const std::vector<ProviderPreset> kPresets = {
      {"google",
       "Google",
       ProviderKind::oidc,
       "https://accounts.google.com",
       "",
       "",
       "",
       {"openid", "profile"},
       {},
       false},
      {"gitlab",
       "GitLab",
       ProviderKind::oidc,
       "https://gitlab.com",
       "",
       "",
       "",
       {"openid", "profile"},
       {"sub", "name", "nickname", "picture"},
       false},
      {"github",
       "GitHub",
       ProviderKind::oauth2,
       "",
       "https://github.com/login/oauth/authorize",
       "https://github.com/login/oauth/access_token",
       "https://api.github.com/user",
       {"read:user"},
       {"id", "name", "login", "avatar_url"},
       false},
      {"wordpress",
       "WordPress.com",
       ProviderKind::oauth2,
       "",
       "https://public-api.wordpress.com/oauth2/authorize",
       "https://public-api.wordpress.com/oauth2/token",
       "https://public-api.wordpress.com/rest/v1.1/me",
       {"auth"},
       {"ID", "display_name", "username", "avatar_URL"},
       false},
      {"x",
       "X",
       ProviderKind::oauth2,
       "",
       "https://x.com/i/oauth2/authorize",
       "https://api.x.com/2/oauth2/token",
       "https://api.x.com/2/users/me?user.fields=profile_image_url",
       {"users.read", "tweet.read"},
       {"data.id", "data.name", "data.username", "data.profile_image_url"},
       true},
      {"facebook",
       "Facebook",
       ProviderKind::oauth2,
       "",
       "https://www.facebook.com/v19.0/dialog/oauth",
       "https://graph.facebook.com/v19.0/oauth/access_token",
       "https://graph.facebook.com/me?fields=id,name,picture",
       {"public_profile"},
       {"id", "name", "", "picture.data.url"},
       false},
      // Endpoints are on the instance the reader names (auth/mastodon.hpp); the client id
      // and secret come from registering there, so the config needs neither.
      {"mastodon",
       "Mastodon",
       ProviderKind::mastodon,
       "",
       "",
       "",
       "",
       {"read:accounts"},
       {},
       false},
  };
  return kPresets;
}

const json* at_path(const json& doc, std::string_view path) {
  if (path.empty()) return nullptr;
  const json* cur = &doc;
  while (true) {
    const auto dot = path.find('.');
    const std::string key(path.substr(0, dot));
    if (!cur->is_object()) return nullptr;
    const auto it = cur->find(key);
    if (it == cur->end()) return nullptr;
    cur = &*it;
    if (dot == std::string_view::npos) return cur;
    path.remove_prefix(dot + 1);
  }
}

std::string scalar_text(const json* v) {
  if (!v) return {};
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number_integer()) return std::to_string(v->get<std::int64_t>());
  if (v->is_number_unsigned()) return std::to_string(v->get<std::uint64_t>());
  return {};
}

}  // namespace

const ProviderPreset* find_preset(std::string_view name) {
  for (const ProviderPreset& p : presets()) {
    if (p.id == name) return &p;
  }
  return nullptr;
}

std::vector<std::string_view> preset_names() {
  std::vector<std::string_view> out;
  for (const ProviderPreset& p : presets()) out.push_back(p.id);
  return out;
}

std::optional<MappedProfile> map_profile(const json& profile, const ClaimMap& claims) {
  MappedProfile out{scalar_text(at_path(profile, claims.id)),
                    scalar_text(at_path(profile, claims.name)),
                    scalar_text(at_path(profile, claims.avatar))};
  if (out.subject.empty()) return std::nullopt;
  if (out.name.empty()) out.name = scalar_text(at_path(profile, claims.fallback_name));
  return out;
}

}  // namespace parley::server::auth
