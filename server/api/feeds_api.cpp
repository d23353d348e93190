// GET /feed/comments.atom and GET /feed/thread.atom: Atom feeds (docs/feeds.md).
#include "api/atom_feed.hpp"
#include "api/errors.hpp"
#include "api/handlers.hpp"
#include "core/escape.hpp"
#include "core/validate.hpp"

namespace parley::server::handlers {
namespace {

constexpr const char* kAtomType = "application/atom+xml; charset=utf-8";

// The site's public origin for entry links: its first embedding origin.
std::string base_url(const Site& site) {
  return site.origins.empty() ? "" : site.origins.front();
}

std::string encoded(std::string_view text) {
  std::string out;
  append_url_encoded(out, text);
  return out;
}

Response atom_response(std::string body) {
  Response res;
  res.body = std::move(body);
  res.set("Content-Type", kAtomType);
  // Feed readers poll: a short cache plus the ETag keeps that cheap.
  res.set("Cache-Control", "public, max-age=60");
  return res;
}

}  // namespace

Response site_feed(const Request&, Context& ctx) {
  const Site& site = *ctx.site;
  FeedInfo feed;
  feed.site = site.id;
  feed.id = "urn:parley:" + encoded(site.id) + ":comments";
  feed.title = "Comments on " + (site.title.empty() ? site.id : site.title);
  feed.self = "/feed/comments.atom?site=" + encoded(site.id);
  feed.base_url = base_url(site);
  feed.now = ctx.now;
  return atom_response(atom_feed(feed, ctx.services.comments.recent(site.id, "", kMaxFeedEntries)));
}

Response thread_feed(const Request&, Context& ctx) {
  const Site& site = *ctx.site;
  const auto page = ctx.query.get("page");
  if (!page || page->empty()) throw ApiError(ErrorCode::bad_request, "page is required.");
  if (!is_valid_page_key(*page)) {
    throw ApiError(ErrorCode::bad_request, "page is not a valid page key.");
  }
  std::vector<FeedEntry> entries = ctx.services.comments.recent(site.id, *page, kMaxFeedEntries);
  FeedInfo feed;
  feed.site = site.id;
  feed.id = "urn:parley:" + encoded(site.id) + ":thread:" + encoded(*page);
  feed.title =
      "Comments on " + (entries.empty() || entries.front().title.empty() ? std::string(*page)
                                                                         : entries.front().title);
  feed.self = "/feed/thread.atom?site=" + encoded(site.id) + "&page=" + encoded(*page);
  feed.base_url = base_url(site);
  feed.now = ctx.now;
  return atom_response(atom_feed(feed, entries));
}

}  // namespace parley::server::handlers
