// parley-pow.wasm: core's SHA-256 and proof-of-work solver alone (docs/spam.md), with
// plain C exports and no glue, so the Web Worker (web/pow-worker.js) that runs it
// downloads a few kilobytes, not the widget.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/proof_of_work.hpp"

namespace {

// parleyd's challenges are at most this long (server/spam/proof_of_work.hpp).
constexpr std::size_t kChallengeBytes = 200;
char challenge[kChallengeBytes];

}  // namespace

extern "C" {

// Where the host writes the challenge's bytes before it calls parley_pow_solve.
__attribute__((used)) char* parley_pow_buffer() {
  return challenge;
}

// Tries the nonces first .. first + count - 1 for the `length` bytes in the buffer and
// returns the first that proves `bits` of work, or -1. Doubles: JS numbers, exact to
// 2^53, so the host needs no BigInt.
__attribute__((used)) double parley_pow_solve(int length, int bits, double first, double count) {
  if (length < 0 || static_cast<std::size_t>(length) > kChallengeBytes || first < 0 || count < 0) {
    return -1;
  }
  const auto found =
      parley::pow::solve(std::string_view(challenge, static_cast<std::size_t>(length)), bits,
                         static_cast<std::uint64_t>(first), static_cast<std::uint64_t>(count));
  return found ? static_cast<double>(*found) : -1;
}
}
