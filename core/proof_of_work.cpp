#include "core/proof_of_work.hpp"

#include <charconv>

namespace parley::pow {
namespace {

bool holds(const Sha256& prefix, std::string_view nonce, int bits) {
  Sha256 s = prefix;
  s.update(nonce);
  return leading_zero_bits(s.finish()) >= bits;
}

Sha256 prefix_of(std::string_view challenge) {
  Sha256 s;
  s.update(challenge);
  s.update(":");
  return s;
}

}  // namespace

int leading_zero_bits(const Sha256Digest& digest) {
  int bits = 0;
  for (const std::uint8_t byte : digest) {
    if (byte != 0) return bits + __builtin_clz(byte) - 24;
    bits += 8;
  }
  return bits;
}

bool proof_holds(std::string_view challenge, std::string_view nonce, int bits) {
  if (nonce.empty() || nonce.size() > kMaxNonceDigits) return false;
  for (const char c : nonce) {
    if (c < '0' || c > '9') return false;
  }
  return holds(prefix_of(challenge), nonce, bits);
}

std::optional<std::uint64_t> solve(std::string_view challenge, int bits, std::uint64_t first,
                                   std::uint64_t count) {
  // The challenge's blocks are hashed once; each try hashes only what follows.
  const Sha256 prefix = prefix_of(challenge);
  char digits[kMaxNonceDigits];
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t nonce = first + i;
    const auto end = std::to_chars(digits, digits + sizeof digits, nonce).ptr;
    if (holds(prefix, std::string_view(digits, static_cast<std::size_t>(end - digits)), bits)) {
      return nonce;
    }
    if (nonce == UINT64_MAX) break;
  }
  return std::nullopt;
}

}  // namespace parley::pow
