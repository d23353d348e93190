// What a handler may use: the long-lived services, and what the pipeline already
// established about this request (decoded query, resolved site, clock).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "api/query.hpp"
#include "api/thread_cache.hpp"
#include "live/event_hub.hpp"
#include "service/asset_catalog.hpp"
#include "service/comment_service.hpp"
#include "service/like_service.hpp"
#include "service/rate_limiter.hpp"
#include "service/share_clicks.hpp"
#include "service/sites.hpp"

namespace parley::server {

namespace auth {
class LoginService;
}
namespace admin {
class AdminService;
class AdminAssets;
}  // namespace admin
namespace fediverse {
class NodeInfoResolver;
}
namespace notify {
class Notifier;
}
namespace privacy {
class PrivacyStore;
}

// Readers editing or deleting their own comments (api/own_comments_api.cpp): for how
// long after posting, and the key their edit tokens are signed with.
struct EditPolicy {
  std::int64_t window_seconds = 0;  // 0: comments cannot be edited
  std::string secret = {};
};

struct Services {
  const Sites& sites;
  CommentService& comments;
  const AssetCatalog& assets;
  RateLimiter& request_limiter;  // every request, per client IP
  LikeService& likes;
  // Null when the config has no "login" section (docs/login.md).
  auth::LoginService* login = nullptr;
  // Live updates (server/live/); null: GET /api/events answers 503.
  live::EventHub* events = nullptr;
  // parleyd's address as readers' browsers see it (config "public_url", else the
  // address bound), for URLs in HTML that other sites include (docs/seo-nojs.md).
  std::string public_url = {};
  // Finished GET /api/comments responses; null: every read is built afresh.
  ThreadCache* threads = nullptr;
  // Share bar (docs/share-and-likes.md): click counts, and NodeInfo lookups with their
  // own per-client limiter. Null: the endpoints answer 503.
  ShareClickService* share_clicks = nullptr;
  fediverse::NodeInfoResolver* nodeinfo = nullptr;
  RateLimiter* nodeinfo_limiter = nullptr;
  // The admin UI (docs/admin.md); null: /admin answers 503.
  admin::AdminService* admin = nullptr;
  const admin::AdminAssets* admin_assets = nullptr;
  // The admin session cookie without Secure: the demo on plain-http loopback only.
  bool admin_insecure_cookie = false;
  // Notifications (docs/notifications.md); null: the /notify/ links answer 404.
  notify::Notifier* notifier = nullptr;
  EditPolicy edits = {};
  // Readers' own data (docs/privacy.md); null: /api/me/data answers 503.
  privacy::PrivacyStore* privacy = nullptr;
  // Link requests on the /privacy page, per client IP and per address; null: unlimited.
  RateLimiter* privacy_limiter = nullptr;
};

struct Context {
  Services& services;
  Query query;                              // the decoded query string
  const Site* site = nullptr;               // set for site-scoped routes (never null there)
  std::int64_t now = 0;                     // Unix seconds, read once per request
  RateLimiter::Clock::time_point mono_now;  // for rate limiting
  // Akismet's answer on the second pass of a post (api/akismet_check.hpp).
  std::optional<spam::Verdict> akismet = std::nullopt;
};

}  // namespace parley::server
