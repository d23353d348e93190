// The sites this parleyd serves, and which origins may embed each one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parley::server {

struct Site {
  std::string id;                    // the ?site= value, at most core kMaxSiteIdChars
  std::string title;                 // for the owner's eyes (logs, future admin pages)
  std::vector<std::string> origins;  // "https://blog.example", exact match, no wildcards
  bool likes_require_login = false;  // guests may not like (docs/share-and-likes.md)
  // Held for moderation: "none", "first" (each new author's first comment) or "all"
  // (docs/admin.md). An owner's choice in the admin UI overrides it.
  std::string moderation = "none";
};

class Sites {
 public:
  explicit Sites(std::vector<Site> sites) : sites_(std::move(sites)) {}
  // nullptr when the id is not configured.
  const Site* find(std::string_view id) const;
  const std::vector<Site>& all() const { return sites_; }

 private:
  std::vector<Site> sites_;  // a handful per server: a linear scan beats hashing
};

// Exact, case-sensitive comparison as browsers serialise origins (scheme://host[:port]).
bool origin_allowed(const Site& site, std::string_view origin);

}  // namespace parley::server
