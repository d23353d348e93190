// Moderation on the post path (docs/admin.md): whether an author may post here at all
// (bans, closed threads), and whether their comment is shown at once or held for a
// moderator, with the reason the queue shows.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "service/sites.hpp"
#include "store/moderation_store.hpp"

namespace parley::server {

// A site's moderation mode: "none" (every comment is shown at once), "first" (the first
// comment of each new author is held), "all" (every comment is held).
inline constexpr std::string_view kModerationModes[] = {"none", "first", "all"};
bool is_moderation_mode(std::string_view mode);

// The reasons the queue shows for a held comment.
inline constexpr std::string_view kHeldFirst = "first comment of a new author";
inline constexpr std::string_view kHeldAll = "moderation: all";

// What happens to a comment about to be stored.
struct Admission {
  // Set when the author may not post: the message for the 403 (ban, closed thread).
  std::string refused;
  std::string refused_code;  // "banned" or "closed"
  std::string status = "approved";
  std::string reason;  // why it is held, when status is "pending"
};

class Moderation {
 public:
  // `salt` keys the email and address digests (the server secret, when there is one):
  // without it a digest of a guessable value could be reversed by guessing.
  Moderation(ModerationStore& store, const Sites& sites, std::string salt)
      : store_(store), sites_(sites), salt_(std::move(salt)) {}

  // The owner's choice from the admin UI, else the site's configured mode.
  std::string mode(std::string_view site);
  Admission admit(std::string_view site, std::string_view page, const AuthorKeys& author);
  // The keys of an author: `identity` "<provider>:<subject>" for logged-in readers
  // (else ""), and salted digests of the email (lower-cased; "" when none) and the IP.
  AuthorKeys keys(std::string identity, std::string_view email, std::string_view ip) const;
  ModerationStore& store() { return store_; }

 private:
  ModerationStore& store_;
  const Sites& sites_;
  std::string salt_;
};

}  // namespace parley::server
