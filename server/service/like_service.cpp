#include "service/like_service.hpp"

#include <algorithm>

namespace parley::server {

bool LikeService::target_exists(const LikeTarget& target) {
  if (target.comment == 0) return true;  // any page may be liked, commented or not
  const std::vector<Comment> comments = store_.list_page(target.site, target.page);
  return std::any_of(comments.begin(), comments.end(),
                     [&](const Comment& c) { return c.id == target.comment; });
}

LikeResult LikeService::like(const LikeTarget& target, std::string_view token,
                             std::string_view client, std::int64_t now,
                             RateLimiter::Clock::time_point mono_now) {
  if (const int wait = like_limiter_.take(client, mono_now); wait > 0) return RateLimited{wait};
  if (!target_exists(target)) {
    return LikeRefused{"not_found", "comment", "The comment you are liking does not exist."};
  }
  const std::string liker = digest_.liker(target.site, token);
  const std::string address = digest_.address(client, now);
  const LikeSummary before = store_.like_summary(target, liker, 0);
  if (!before.liked) {
    if (store_.count_likes_from(target, address) >= limits::kMaxLikesPerAddress) {
      return LikeRefused{"too_many", "",
                         "Too many likes from your network today. Please try again tomorrow."};
    }
    store_.add_like(NewLike{target, liker, address, digest_.avatar(token), now});
  }
  return store_.like_summary(target, liker, limits::kRecentLikers);
}

LikeResult LikeService::unlike(const LikeTarget& target, std::string_view token,
                               std::string_view client, RateLimiter::Clock::time_point mono_now) {
  if (const int wait = like_limiter_.take(client, mono_now); wait > 0) return RateLimited{wait};
  const std::string liker = digest_.liker(target.site, token);
  store_.remove_like(target, liker);  // unliking twice is not an error: the end state holds
  return store_.like_summary(target, liker, limits::kRecentLikers);
}

PageLikes LikeService::page(std::string_view site, std::string_view page, std::string_view token) {
  const std::string liker = token.empty() ? std::string() : digest_.liker(site, token);
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
