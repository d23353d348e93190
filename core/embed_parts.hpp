// Which parts of Parley a mount shows, in page order: data-parley-parts="share,likes,
// comments" (docs/embed.md). A page may embed only the share bar, only the likes, or
// everything; each part renders its own region and fetches only what it needs.
#pragma once

#include <string_view>
#include <vector>

namespace parley {

enum class Part { Share, Likes, Comments };

// "share, comments" -> {Share, Comments}; unknown names and repeats skipped; empty or
// nothing known -> every part in the default order (share, likes, comments).
std::vector<Part> parse_parts(std::string_view csv);

// The name parse_parts reads: "share", "likes", "comments".
std::string_view part_name(Part part);

}  // namespace parley
