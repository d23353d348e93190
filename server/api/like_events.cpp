#include "api/like_events.hpp"

#include <set>
#include <string>
#include <utility>

#include "live/event_hub.hpp"
#include "live/live_events.hpp"

namespace parley::server {

nlohmann::json recent_json(const std::vector<RecentLiker>& recent) {
  nlohmann::json out = nlohmann::json::array();
  for (const RecentLiker& r : recent) {
    nlohmann::json item{{"avatar", r.avatar}};
    if (!r.name.empty()) item["name"] = r.name;
    out.push_back(std::move(item));
  }
  return out;
}

void publish_likes(const Context& ctx, const LikeTarget& target, const LikeSummary& summary) {
  if (!ctx.services.events) return;
  ctx.services.events->publish(
      target.site, target.page,
      live::likes_event(target.comment, summary.count, recent_json(summary.recent)));
}

void announce_unliked(const Context& ctx, std::string_view site,
                      const std::vector<privacy::OwnLike>& erased) {
  if (!ctx.services.events) return;
  // An account and a browser may both have liked one target: one event says its count.
  std::set<std::pair<std::string, std::int64_t>> targets;
  for (const privacy::OwnLike& l : erased) targets.emplace(l.page, l.comment);
  for (const auto& [page, comment] : targets) {
    const LikeTarget target{std::string(site), page, comment};
    publish_likes(ctx, target, ctx.services.likes.summary(target));
  }
}

}  // namespace parley::server
