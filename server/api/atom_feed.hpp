// Atom 1.0 (RFC 4287) feeds of comments: a site's newest comments, or one thread's.
// Every value is escaped by core's escaper; each entry's content is the stored core
// rendering, carried as escaped HTML (type="html"), so a feed reader shows what the
// widget shows and nothing a comment could smuggle into the feed's own markup.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace parley::server {

// Entries in one feed: feed readers poll, so the newest 50 cover any sensible interval
// and keep the response small.
inline constexpr std::size_t kMaxFeedEntries = 50;

struct FeedInfo {
  std::string id;        // the feed's permanent IRI
  std::string site;      // entry ids are urn:parley:<site>:comment:<id> in every feed
  std::string title;     // shown by the feed reader
  std::string self;      // the feed's own URL (rel="self")
  std::string base_url;  // the site's public origin ("https://blog.example"), or ""
  std::int64_t now = 0;  // <updated> when there are no entries
};

std::string atom_feed(const FeedInfo& feed, const std::vector<FeedEntry>& entries);

}  // namespace parley::server
