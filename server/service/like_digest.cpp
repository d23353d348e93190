#include "service/like_digest.hpp"

#include <boost/uuid/detail/sha1.hpp>
#include <random>

namespace parley::server {
namespace {

// Hex digits of the digest kept: 80 bits keep collisions out of reach for any number
// of likers a site will see, and keep rows short.
constexpr std::size_t kKeptHexDigits = 20;
constexpr std::size_t kAvatarHexDigits = 8;

// SHA-1 over the parts, each prefixed with its length so ("ab","c") != ("a","bc").
class Hasher {
 public:
  Hasher& add(std::string_view part) {
    const auto n = static_cast<std::uint32_t>(part.size());
    sha_.process_bytes(&n, sizeof n);
    sha_.process_bytes(part.data(), part.size());
    return *this;
  }
  Hasher& add(const void* bytes, std::size_t n) {
    sha_.process_bytes(bytes, n);
    return *this;
  }
  std::string hex(std::size_t digits) {
    boost::uuids::detail::sha1::digest_type d;
    sha_.get_digest(d);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (const unsigned int word : d) {
      for (int shift = 28; shift >= 0; shift -= 4) out += kHex[(word >> shift) & 0xf];
    }
    out.resize(digits);
    return out;
  }

 private:
  boost::uuids::detail::sha1 sha_;
};

}  // namespace

LikeDigest::LikeDigest() {
  std::random_device rd;
  for (auto& word : secret_) word = rd();
}

LikeDigest::LikeDigest(std::string_view server_secret) {
  // A domain-separated digest of the secret, so the salt reveals nothing about the key
  // that signs login tokens. Two SHA-1 blocks fill the 256-bit salt.
  for (std::size_t half = 0; half < 2; ++half) {
    boost::uuids::detail::sha1 sha;
    const std::string label = "parley like address salt " + std::to_string(half);
    sha.process_bytes(label.data(), label.size());
    sha.process_bytes(server_secret.data(), server_secret.size());
    boost::uuids::detail::sha1::digest_type d;
    sha.get_digest(d);
    for (std::size_t i = 0; i < 4; ++i) secret_[half * 4 + i] = d[i];
  }
}

std::string LikeDigest::liker(std::string_view site, std::string_view token) const {
  return Hasher().add("liker").add(site).add(token).hex(kKeptHexDigits);
}

std::string LikeDigest::member(std::string_view site, std::string_view provider,
                               std::string_view subject) const {
  return Hasher().add("member").add(site).add(provider).add(subject).hex(kKeptHexDigits);
}

std::string LikeDigest::avatar(std::string_view token) const {
  return Hasher().add("avatar").add(token).hex(kAvatarHexDigits);
}

std::string LikeDigest::address(std::string_view ip, std::int64_t now) const {
  const std::int64_t day = now / kSaltRotationSeconds;
  return Hasher()
      .add("address")
      .add(secret_.data(), sizeof secret_)
      .add(&day, sizeof day)
      .add(ip)
      .hex(kKeptHexDigits);
}

}  // namespace parley::server
