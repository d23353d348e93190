// Mastodon login: the reader names their instance, parleyd registers itself there as an
// app (POST /api/v1/apps) the first time a reader from that instance logs in, keeps the
// client id and secret (MastodonAppStore), then runs the usual authorization code flow
// against the instance and asks it who the reader is (verify_credentials).
// Endpoints as documented at docs.joinmastodon.org/methods/apps and /spec/oauth.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "auth/login_config.hpp"
#include "auth/mastodon_app_store.hpp"
#include "auth/oidc.hpp"

namespace parley::server::auth {

// A fediverse handle is user@host; host names are bounded by DNS (253), the rest by this.
inline constexpr std::size_t kMaxInstanceInputChars = 300;
// Registered apps kept in memory; past it the store is asked (it holds them all).
inline constexpr std::size_t kMaxCachedMastodonApps = 1000;
// Display names are free text of any length on some servers; a comment byline is short.
inline constexpr std::size_t kMaxMastodonDisplayNameChars = 100;
// What parleyd asks for: the reader's profile and nothing else (no posting, no follows).
inline constexpr std::string_view kMastodonScopes = "read:accounts";

struct MastodonInstance {
  std::string host;       // lower-case host name, with ":port" only for test instances
  std::string base_url;   // https://host (http://host:port for a test instance)
  bool loopback = false;  // a test instance: the one case where a private address is fine
};

// The instance a reader typed: "mastodon.social", "https://mastodon.social/", or a
// handle "@ada@mastodon.social". Only DNS names are accepted (no IP addresses, no
// localhost, no port) unless `test` allows loopback test servers (never the default).
// nullopt with a message for the reader otherwise.
std::optional<MastodonInstance> parse_instance(std::string_view typed, const TestInstances& test,
                                               std::string& problem);

// The reader as an instance describes them.
struct MastodonAccount {
  std::string subject;  // "<account id>@<host>": ids are only unique per instance
  std::string name;     // "Display Name (user@host)", or "user@host"
  std::string avatar;
};

class MastodonClient {
 public:
  explicit MastodonClient(MastodonAppStore& store) : store_(store) {}

  // The app parleyd has on `instance` for `redirect_uri`: cached, stored, or registered
  // now. nullopt with `failure` (instance down, not Mastodon, registration refused).
  std::optional<MastodonApp> app(const MastodonInstance& instance, const std::string& redirect_uri,
                                 const std::string& website, std::int64_t now,
                                 LoginFailure& failure);
  // Exchanges the code and asks who logged in; the access token is dropped afterwards.
  std::optional<MastodonAccount> account(const MastodonInstance& instance, const MastodonApp& app,
                                         const std::string& code, const std::string& redirect_uri,
                                         const std::string& verifier, LoginFailure& failure);

 private:
  std::optional<MastodonApp> register_app(const MastodonInstance& instance,
                                          const std::string& redirect_uri,
                                          const std::string& website, LoginFailure& failure);

  MastodonAppStore& store_;
  std::mutex mutex_;  // guards cache_ and store_ (logins run on several worker threads)
  std::map<std::string, MastodonApp, std::less<>> cache_;  // key: host + ' ' + redirect URI
};

}  // namespace parley::server::auth
