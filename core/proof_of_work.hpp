// The proof-of-work rule (docs/spam.md): a nonce proves work on a challenge when
// SHA-256(challenge ":" nonce) starts with at least `bits` zero bits. Finding one takes
// about 2^bits hashes; checking it takes one. The nonce is written in decimal.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/sha256.hpp"

namespace parley::pow {

// SHA-256 has 256 bits, but past 32 a proof would take a browser days: parleyd never
// asks for more, and a nonce this long is not one a solver wrote.
inline constexpr int kMaxBits = 32;
inline constexpr std::size_t kMaxNonceDigits = 20;  // a uint64 in decimal

int leading_zero_bits(const Sha256Digest& digest);

// True when `nonce` (1 to kMaxNonceDigits decimal digits) proves `bits` of work.
bool proof_holds(std::string_view challenge, std::string_view nonce, int bits);

// Tries the nonces first, first + 1, ... (at most `count` of them) and returns the first
// that proves `bits` of work; nullopt when none in the range does. Bounded, so a caller
// can solve in slices (the browser's main thread) or give up.
std::optional<std::uint64_t> solve(std::string_view challenge, int bits, std::uint64_t first,
                                   std::uint64_t count);

}  // namespace parley::pow
