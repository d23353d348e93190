// What open pages learn when likes change (docs/live-updates.md): a likes.changed event
// per target, from a like or unlike (api/likes_api.cpp) and from a reader erasing their
// likes at once (api/my_data_api.cpp).
#pragma once

#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/context.hpp"
#include "privacy/privacy_store.hpp"
#include "store/store.hpp"

namespace parley::server {

// [{"avatar"}, {"avatar", "name"}]: a name only for signed-in likers.
nlohmann::json recent_json(const std::vector<RecentLiker>& recent);

// Sends the target's new count and recent likers to the page's open streams.
void publish_likes(const Context& ctx, const LikeTarget& target, const LikeSummary& summary);

// After likes were erased: one likes.changed event per target they were on, with the
// count as it is now, as if each had been unliked.
void announce_unliked(const Context& ctx, std::string_view site,
                      const std::vector<privacy::OwnLike>& erased);

}  // namespace parley::server
