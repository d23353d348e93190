// The link-count layer (docs/spam.md): comment spam is there for its links, so a comment
// with more links than the owner allows is held for a moderator.
#pragma once

#include <cstddef>
#include <string_view>

#include "spam/verdict.hpp"

namespace parley::server::spam {

// Links in Markdown source: every "http://", "https://" or "www." (any case) that does
// not continue a link already counted, so "https://www.x" is one link.
std::size_t count_links(std::string_view text);

// hold "<n> links (more than <max>)" when the text has more than `max_links`; max < 0: off.
Verdict check_links(std::string_view text, int max_links);

}  // namespace parley::server::spam
