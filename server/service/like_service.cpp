#include "service/like_service.hpp"

#include <algorithm>

#include "core/limits.hpp"
#include "core/utf8.hpp"
#include "core/validate.hpp"

namespace parley::server {
namespace {

// A provider's display name is outside text shown to every reader of the page: kept
// to an author's length, a malformed byte replaced rather than stored.
std::string shown_name(std::string_view name) {
  std::string out;
  std::size_t i = 0;
  for (std::size_t n = 0; i < name.size() && n < parley::limits::kMaxAuthorChars; ++n) {
    utf8::append(out, utf8::decode(name, i));
  }
  return out;
}

}  // namespace

bool LikeService::target_exists(const LikeTarget& target) {
  if (target.comment == 0) return true;  // any page may be liked, commented or not
  const std::vector<Comment> comments = store_.list_page(target.site, target.page);
  return std::any_of(comments.begin(), comments.end(),
                     [&](const Comment& c) { return c.id == target.comment; });
}

std::string LikeService::key(std::string_view site, const Liker& liker) const {
  if (liker.signed_in()) return digest_.member(site, liker.provider, liker.subject);
  return liker.token.empty() ? std::string() : digest_.liker(site, liker.token);
}

LikeResult LikeService::like(const LikeTarget& target, const Liker& who, std::string_view client,
                             std::int64_t now, RateLimiter::Clock::time_point mono_now) {
  if (const int wait = like_limiter_.take(client, mono_now); wait > 0) return RateLimited{wait};
  if (!target_exists(target)) {
    return LikeRefused{"not_found", "comment", "The comment you are liking does not exist."};
  }
  const std::string liker = key(target.site, who);
  const std::string address = digest_.address(client, now);
  const LikeSummary before = store_.like_summary(target, liker, 0);
  if (!before.liked) {
    if (!who.signed_in() &&
        store_.count_likes_from(target, address) >= limits::kMaxLikesPerAddress) {
      return LikeRefused{"too_many", "",
                         "Too many likes from your network today. Please try again tomorrow."};
    }
    NewLike like{target, liker, address, "", "", now};
    if (who.signed_in()) {
      like.name = shown_name(who.name);
      // Without a usable provider picture (https, bounded) the account gets a generated
      // one of its own ('/' never occurs in a browser token, so no guest shares its seed).
      like.avatar =
          is_safe_avatar_url(who.avatar)
              ? std::string(who.avatar)
              : digest_.avatar(std::string(who.provider) + "/" + std::string(who.subject));
    } else {
      like.avatar = digest_.avatar(who.token);
    }
    store_.add_like(like);
  }
  return store_.like_summary(target, liker, limits::kRecentLikers);
}

LikeResult LikeService::unlike(const LikeTarget& target, const Liker& who, std::string_view client,
                               RateLimiter::Clock::time_point mono_now) {
  if (const int wait = like_limiter_.take(client, mono_now); wait > 0) return RateLimited{wait};
  const std::string liker = key(target.site, who);
  store_.remove_like(target, liker);  // unliking twice is not an error: the end state holds
  return store_.like_summary(target, liker, limits::kRecentLikers);
}

PageLikes LikeService::page(std::string_view site, std::string_view page, const Liker& who) {
  const std::string liker = key(site, who);
  PageLikes out;
  out.page = store_.like_summary(LikeTarget{std::string(site), std::string(page), 0}, liker,
                                 limits::kRecentLikers);
  const std::vector<std::int64_t> mine =
      liker.empty() ? std::vector<std::int64_t>{} : store_.comments_liked_by(site, page, liker);
  for (const auto& [id, count] : store_.comment_like_counts(site, page)) {
    out.comments.push_back(
        CommentLikes{id, count, std::binary_search(mine.begin(), mine.end(), id)});
  }
  return out;
}

std::vector<std::size_t> LikeService::counts(std::string_view site,
                                             const std::vector<std::string>& pages) {
  return store_.count_page_likes(site, pages);
}

}  // namespace parley::server
