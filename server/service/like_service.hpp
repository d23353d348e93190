// Like use cases: like, unlike, read a page's likes, count likes of many pages.
//
// Guests are told apart by a random token their browser keeps (localStorage), so
// colleagues behind one office address each count. What stops a script minting
// tokens is the address: likes per client IP are rate limited, and each target takes
// at most kMaxLikesPerAddress likes from one address per day. The address is never
// stored: only a salted digest whose salt rotates daily (like_digest.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "service/comment_service.hpp"
#include "service/like_digest.hpp"
#include "service/rate_limiter.hpp"
#include "store/store.hpp"

namespace parley::server {

namespace limits {
// An office, school or mobile carrier puts many readers behind one address; 50 of
// them liking one post in a day is plausible, a script past that is not counted.
inline constexpr std::size_t kMaxLikesPerAddress = 50;
// Avatars shown next to "N bloggers like this" (WordPress shows a row of about ten).
inline constexpr std::size_t kRecentLikers = 10;
}  // namespace limits

// Why a like was not taken. `field` names the request member at fault, if any.
struct LikeRefused {
  std::string code;  // "not_found", "too_many"
  std::string field;
  std::string message;
};

using LikeResult = std::variant<LikeSummary, LikeRefused, RateLimited>;

// Who likes: a guest, told apart by the random token of their browser, or a signed-in
// reader (verified by the caller), one like per provider account.
struct Liker {
  std::string_view token = {};     // a guest's browser token, already validated; else ""
  std::string_view provider = {};  // a signed-in reader's provider id and subject there
  std::string_view subject = {};   // ("" for a guest)
  std::string_view name = {};      // their display name and avatar URL, as the login has
  std::string_view avatar = {};    // them (checked and bounded before they are stored)

  bool signed_in() const { return !subject.empty(); }
};

// A comment's likes as the widget shows them.
struct CommentLikes {
  std::int64_t id = 0;
  std::size_t count = 0;
  bool liked = false;
};

struct PageLikes {
  LikeSummary page;
  std::vector<CommentLikes> comments;  // liked comments only, by id
};

class LikeService {
 public:
  LikeService(Store& store, RateLimiter& like_limiter, LikeDigest& digest)
      : store_(store), like_limiter_(like_limiter), digest_(digest) {}

  // The key a signed-in reader's likes are stored under (their export and erasure).
  std::string member_key(std::string_view site, std::string_view provider,
                         std::string_view subject) const {
    return digest_.member(site, provider, subject);
  }
  // The key a guest's likes are stored under, from their browser token (validated).
  std::string guest_key(std::string_view site, std::string_view token) const {
    return digest_.liker(site, token);
  }
  // The target's count and most recent likers, as every reader sees them.
  LikeSummary summary(const LikeTarget& target) {
    return store_.like_summary(target, "", limits::kRecentLikers);
  }

  // `client` is the IP. A signed-in liker is not held to the per-address cap: an
  // account is one reader, however many share the address.
  LikeResult like(const LikeTarget& target, const Liker& liker, std::string_view client,
                  std::int64_t now, RateLimiter::Clock::time_point mono_now);
  LikeResult unlike(const LikeTarget& target, const Liker& liker, std::string_view client,
                    RateLimiter::Clock::time_point mono_now);
  // A guest who never liked anything has no token: nothing reads as liked.
  PageLikes page(std::string_view site, std::string_view page, const Liker& liker);
  std::vector<std::size_t> counts(std::string_view site, const std::vector<std::string>& pages);

 private:
  // A comment target must name a comment of that page.
  bool target_exists(const LikeTarget& target);
  // The liker's key on the site: "" for a guest without a token.
  std::string key(std::string_view site, const Liker& liker) const;

  Store& store_;
  RateLimiter& like_limiter_;
  LikeDigest& digest_;
};

}  // namespace parley::server
