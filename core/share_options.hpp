// The site owner's share bar settings as the embed script carries them
// (data-parley-share, -share-style, -via, -hashtags; docs/embed.md), read leniently:
// an unknown target id or style is skipped, never an error on the reader's page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "share.hpp"

namespace parley::share {

enum class Style {
  Icons,        // icon buttons; the accessible name says what each does
  IconsLabels,  // icon and brand/action name
  Labels,       // names only
};

// What a page shows when the owner names no targets.
inline constexpr std::string_view kDefaultTargets =
    "x,facebook,linkedin,mastodon,bluesky,threads,whatsapp,email,copy,native";

// Owner bounds: more buttons than this is a configuration mistake, and a page's
// hashtags are few and short (X counts them against 280 characters).
inline constexpr std::size_t kMaxTargets = 32;
inline constexpr std::size_t kMaxHashtags = 8;
inline constexpr std::size_t kMaxHashtagBytes = 64;
inline constexpr std::size_t kMaxViaBytes = 64;
// Every target once, comma and space separated, is under 300 bytes; a longer list is
// not an owner's (parleyd reads it from any request: GET /embed/thread?format=early).
inline constexpr std::size_t kMaxTargetListBytes = 1024;

// "x, mastodon,bluesky" -> targets in the owner's order, unknown ids and repeats
// skipped; an empty list gives kDefaultTargets, one over kMaxTargetListBytes none.
std::vector<Target> parse_targets(std::string_view csv);
// "icons" (default), "icons+labels" (also "both"), "labels".
Style parse_style(std::string_view s);
std::string_view style_id(Style s);  // "icons", "icons-labels", "labels" (CSS modifier)
// "web, c++ ,#wasm" -> {"web", "c++", "wasm"}: "#" stripped, blanks dropped, bounded.
std::vector<std::string> parse_hashtags(std::string_view csv);
// "@parley" -> "parley"; "" when too long.
std::string parse_via(std::string_view via);

// Which compose URL a fediverse server takes, by its NodeInfo software name
// ("mastodon", "misskey", "friendica", "lemmy", ...). Servers that speak Mastodon's
// /share (Mastodon, Pleroma, Akkoma, GoToSocial, Hometown, …) and unknown ones get
// Mastodon's template.
Target fediverse_target(std::string_view software);

}  // namespace parley::share
