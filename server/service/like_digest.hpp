// The digests likes are stored under, so the database never holds a browser token or
// an IP address.
//
// SHA-1 is used as a keyed digest of short, high-entropy or secret-salted inputs, not
// for signatures: nobody chooses a colliding token to gain anything, and reversing a
// digest of a 128-bit token or of an address salted with a secret is infeasible.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace parley::server {

class LikeDigest {
 public:
  // The salt of the address digest rotates daily: yesterday's digests cannot be
  // matched with today's, so the store cannot follow an address over time.
  static constexpr std::int64_t kSaltRotationSeconds = 86400;

  // Draws a random secret (std::random_device); it lives only in memory, so a restart
  // also rotates the salt. Only for a single process without a configured secret.
  LikeDigest();
  // Derives the salt secret from the server secret: every parleyd process sharing a
  // database (and a restarted one) computes the same address digests, so the per-address
  // cap holds across them.
  explicit LikeDigest(std::string_view server_secret);

  // The liker key of a browser token on a site (hex).
  std::string liker(std::string_view site, std::string_view token) const;
  // The liker key of a signed-in reader's provider account on a site (hex): one like
  // per account, from whichever browser.
  std::string member(std::string_view site, std::string_view provider,
                     std::string_view subject) const;
  // The seed of the generated avatar of a token (8 hex digits): the same reader has
  // the same avatar on every page, and the seed says nothing about the token.
  std::string avatar(std::string_view token) const;
  // The salted digest of a client address for the day `now` (Unix seconds) falls in.
  std::string address(std::string_view ip, std::int64_t now) const;

 private:
  std::array<std::uint32_t, 8> secret_{};
};

}  // namespace parley::server
