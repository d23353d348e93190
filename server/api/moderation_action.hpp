// One moderation action on one comment, as the admin queue and the owner's mail links
// (api/notify_api.cpp) apply it: approve (with the live event), delete, spam, pin, ban,
// close. False when the site has no such comment or the action is unknown.
#pragma once

#include <cstdint>
#include <string_view>

#include "api/context.hpp"

namespace parley::server::handlers {

bool apply_moderation_action(const Context& ctx, std::string_view site, std::string_view action,
                             std::int64_t id);

}  // namespace parley::server::handlers
