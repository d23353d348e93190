// Every bound Parley puts on outside input, in one place, each with its reason.
// The server, the widget and the tests read these; nothing hard-codes a number.
#pragma once

#include <cstddef>
#include <cstdint>

namespace parley::limits {

// Comment text: a long, thoughtful reply fits; a pasted book does not. Counted in
// Unicode code points so every script gets the same allowance.
inline constexpr std::size_t kMaxTextChars = 10000;
// Names are shown inline next to the date; longer ones break layouts.
inline constexpr std::size_t kMaxAuthorChars = 100;
// RFC 5321 caps a forward path at 254 octets.
inline constexpr std::size_t kMaxEmailChars = 254;
// Browsers handle longer URLs, but no personal website needs more.
inline constexpr std::size_t kMaxWebsiteChars = 2048;
// A page key is a path (or canonical URL); 1 KiB covers real-world slugs.
inline constexpr std::size_t kMaxPageChars = 1024;
inline constexpr std::size_t kMaxTitleChars = 300;
inline constexpr std::size_t kMaxSiteIdChars = 64;

// Threads nest this deep; a reply to a comment at this depth becomes its sibling
// (the WordPress behaviour), so conversations continue without ever-narrower columns.
inline constexpr int kMaxDepth = 5;

// Markdown: block containers (quotes, lists) and inline emphasis nest at most this deep;
// deeper markers are kept as text. Bounds recursion and keeps rendering linear.
inline constexpr int kMaxMarkdownNesting = 16;

// HTTP: the largest valid comment as JSON with every field at its maximum, escaped,
// fits well inside 64 KiB.
inline constexpr std::size_t kMaxBodyBytes = 64 * 1024;
// Pages asked for in one counts request (an index page lists maybe 50 posts).
inline constexpr std::size_t kMaxCountPages = 100;
// Comments returned for one thread: one response, never paged silently; the store
// refuses to grow a thread past it.
inline constexpr std::size_t kMaxThreadComments = 5000;

}  // namespace parley::limits
