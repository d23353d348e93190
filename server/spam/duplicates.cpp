#include "spam/duplicates.hpp"

namespace parley::server::spam {

Verdict check_duplicate(ModerationStore& store, std::string_view site, const AuthorKeys& author,
                        std::string_view text, std::int64_t now, int hours) {
  if (hours <= 0) return {};
  if (author.identity.empty() && author.email_hash.empty() && author.ip_hash.empty()) return {};
  constexpr std::int64_t kSecondsPerHour = 3600;
  if (!store.posted_recently(site, author, text, now - hours * kSecondsPerHour)) return {};
  return Verdict::reject("duplicate", "You already posted this comment.");
}

}  // namespace parley::server::spam
