#include "service/mount_parts.hpp"

#include <algorithm>
#include <charconv>

#include "core/share_options.hpp"

namespace parley::server {

std::optional<std::string> mount_id_prefix(std::string_view number) {
  int mount = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), mount);
  if (ec != std::errc() || end != number.data() + number.size() || mount < 1 ||
      mount > kMaxMounts) {
    return std::nullopt;
  }
  return view::keys::id_prefix(mount);
}

void add_mount_parts(ThreadHtml& in, const MountParts& mount) {
  in.parts = parse_parts(mount.parts);
  in.form.id_prefix = mount.id_prefix;
  const auto has = [&in](Part p) {
    return std::find(in.parts.begin(), in.parts.end(), p) != in.parts.end();
  };
  in.hearts = has(Part::Likes);
  if (!has(Part::Share)) return;
  view::ShareBarInput bar;
  bar.targets = share::parse_targets(mount.share);
  bar.style = share::parse_style(mount.share_style);
  // The same buttons as the widget's bar, so it keeps its size when replaced.
  bar.can_native = mount.native;
  bar.touch = mount.touch;
  bar.any_device = !mount.device_known;
  bar.id_prefix = mount.id_prefix;
  bar.stand_in = true;
  in.share = std::move(bar);
}

void add_page_likes(ThreadHtml& in, const PageLikes& likes) {
  in.page_likes = view::LikeCount{likes.page.count, false};
  for (const RecentLiker& r : likes.page.recent) in.recent_likers.push_back({r.avatar, r.name});
  for (const CommentLikes& c : likes.comments) in.likes[c.id] = view::LikeCount{c.count, false};
}

}  // namespace parley::server
