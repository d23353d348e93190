// Where parleyd keeps the app it registered on each Mastodon instance (client id and
// secret), so the second reader from an instance does not register a second app. The
// table `mastodon_apps` is made by the comment store's migrations (store/*_schema.cpp);
// one engine per store engine, each on its own connection, like the session store.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace parley::server::auth {

struct MastodonApp {
  std::string client_id;
  std::string client_secret;  // never logged, never sent to a browser
};

class MastodonAppStore {
 public:
  virtual ~MastodonAppStore() = default;
  virtual std::optional<MastodonApp> find(const std::string& instance,
                                          const std::string& redirect_uri) = 0;
  // Keeps `app`, replacing an earlier registration for the same instance and URI.
  virtual void save(const std::string& instance, const std::string& redirect_uri,
                    const MastodonApp& app, std::int64_t now) = 0;
};

std::unique_ptr<MastodonAppStore> open_sqlite_mastodon_app_store(const std::string& path);
std::unique_ptr<MastodonAppStore> open_pg_mastodon_app_store(const std::string& conninfo);

}  // namespace parley::server::auth
