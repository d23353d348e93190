// A rendering that holds the mount's other parts around the comments (docs/seo-nojs.md):
// the loader's early rendering (GET /embed/thread?format=early) and an include that names
// the parts (format=fragment, `parleyd export-html --parts`). The widget adopts every part
// and inserts nothing above the comments when it starts.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/view_keys.hpp"
#include "service/like_service.hpp"
#include "service/thread_html.hpp"

namespace parley::server {

// More comment threads than this on one page is no page a reader reads.
inline constexpr int kMaxMounts = 999;

// What the mount says of itself, as its script's attributes (docs/embed.md).
struct MountParts {
  std::string_view parts;        // data-parley-parts ("" = every part)
  std::string_view share;        // data-parley-share ("" = the default targets)
  std::string_view share_style;  // data-parley-share-style
  // The reader's browser has navigator.share and a coarse pointer: the share bar's
  // Share… and SMS buttons (known to the loader only, never to an include).
  bool native = false;
  bool touch = false;
  // The two above were said (the loader says them, as 0 or 1); else the bar is for any
  // device (view::ShareBarInput::any_device).
  bool device_known = false;
  std::string id_prefix = std::string(view::keys::kFirstIdPrefix);  // mount_id_prefix
};

// The ids' prefix of mount number `number` on the page, as its widget names its ids:
// "parley-" for 1, "parley-2-" for 2; nullopt unless an integer from 1 to kMaxMounts.
std::optional<std::string> mount_id_prefix(std::string_view number);

// Sets the rendering's parts in the mount's order, its ids' prefix, its share bar (a
// stand-in of the widget's size, which the widget replaces whole: no page to share, no
// fediverse server) and whether each comment carries its heart (the mount shows likes;
// then the caller adds the likes with add_page_likes).
void add_mount_parts(ThreadHtml& in, const MountParts& mount);

// The page's likes as GET /api/likes gives them, nobody's (`liked` false throughout):
// the Like block's count and recent likers, and the liked comments' counts.
void add_page_likes(ThreadHtml& in, const PageLikes& likes);

}  // namespace parley::server
