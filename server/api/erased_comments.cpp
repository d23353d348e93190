#include "api/erased_comments.hpp"

#include "live/live_events.hpp"

namespace parley::server {

Comment deleted_placeholder(std::int64_t id, std::int64_t parent, int depth, std::string page,
                            std::int64_t created) {
  Comment gone;
  gone.id = id;
  gone.parent = parent;
  gone.depth = depth;
  gone.page = std::move(page);
  gone.created = created;
  gone.deleted = true;
  return gone;
}

void announce_erased(const Context& ctx, std::string_view site,
                     const std::vector<privacy::OwnComment>& erased) {
  if (ctx.services.threads) ctx.services.threads->invalidate_all();
  if (!ctx.services.events) return;
  for (const privacy::OwnComment& c : erased) {
    // Held and spam comments were never shown: nothing to take back.
    if (c.status != "approved") continue;
    const Comment gone = deleted_placeholder(c.id, c.parent, c.depth, c.page, c.created);
    ctx.services.events->publish(site, c.page, live::comment_event(live::kCommentDeleted, gone));
  }
}

}  // namespace parley::server
