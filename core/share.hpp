// Share links for today's networks, built from the page's own metadata.
//
// Every target is a plain link opened on click (or an action the host performs:
// copy, native share, print), so nothing reaches any network before the reader
// asks. Templates follow ../shared/reference/share-targets.md; encoding is exactly
// JavaScript's encodeURIComponent, so mailto bodies get %20, never "+".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::share {

enum class Target {
  X,
  Facebook,
  LinkedIn,
  Reddit,
  HackerNews,
  Mastodon,
  Misskey,
  Friendica,
  Lemmy,
  Bluesky,
  Threads,
  Telegram,
  WhatsApp,
  Pinterest,
  Tumblr,
  VK,
  Weibo,
  Line,
  Flipboard,
  Email,
  Sms,
  Copy,
  Native,
  Print,
};

enum class Kind {
  Link,    // an <a href> opened in a new window
  Action,  // a <button> the host performs (clipboard, navigator.share, print)
};

struct TargetInfo {
  Target target;
  std::string_view id;    // stable config/CSS id: "x", "bluesky", "hacker-news", ...
  std::string_view name;  // brand or action name for labels: "Share on Bluesky"
  Kind kind;
  bool needs_instance;  // fediverse: the reader's own server decides the host
  bool touch_only;      // SMS: offered on touch devices only
};

struct Page {
  std::string url;  // canonical URL of the page being shared
  std::string title;
  std::string description;            // used where a network takes a body (email, Tumblr caption)
  std::string image;                  // absolute image URL (Pinterest needs one; VK/Weibo take one)
  std::string via;                    // the site's X handle, without "@"
  std::vector<std::string> hashtags;  // without "#"
};

const std::vector<TargetInfo>& all_targets();
std::optional<Target> target_from_id(std::string_view id);
const TargetInfo& info(Target t);

// The href for a Link target; "" for an Action target, for a fediverse target whose
// instance is not a valid host name, and for Pinterest without an image.
std::string share_url(Target t, const Page& page, std::string_view instance = {});

// JavaScript's encodeURIComponent: keeps A-Z a-z 0-9 - _ . ! ~ * ' ( ), percent-encodes
// every other UTF-8 byte.
std::string encode_component(std::string_view s);

// A fediverse instance as the reader types it: a DNS host name, optionally with a
// port; no scheme, path, user info or whitespace ("mastodon.social", "social.example:8443").
// A leading "https://" and trailing "/" are stripped by normalize_instance first.
bool is_valid_instance(std::string_view host);
std::string normalize_instance(std::string_view typed);

}  // namespace parley::share
