// After a reader's comments were erased at once (DELETE /api/me/data, the /privacy
// delete): what open pages and this process's caches must learn.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "api/context.hpp"
#include "core/comment.hpp"
#include "privacy/privacy_store.hpp"

namespace parley::server {

// The public form of a deleted comment: where it was, and nothing of what it said or
// who wrote it (the widget drops it, or shows the placeholder when it has replies).
Comment deleted_placeholder(std::int64_t id, std::int64_t parent, int depth, std::string page,
                            std::int64_t created);

// Drops this process's cached threads (the erase ran on another connection; other
// processes learn of it through PostgreSQL's change notifications) and sends open pages
// a comment.deleted event for each of `erased` readers could see.
void announce_erased(const Context& ctx, std::string_view site,
                     const std::vector<privacy::OwnComment>& erased);

}  // namespace parley::server
