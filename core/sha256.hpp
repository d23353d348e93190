// SHA-256 (FIPS 180-4) for the proof-of-work challenge (docs/spam.md): the server and the
// reader's browser must hash alike, and the browser's share is a tiny wasm of core
// (widget/pow/), which has no OpenSSL. Not for secrets: parleyd's HMACs keep OpenSSL.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace parley {

using Sha256Digest = std::array<std::uint8_t, 32>;

// Streaming: update() any number of times, then finish() once.
class Sha256 {
 public:
  void update(std::string_view bytes);
  Sha256Digest finish();

 private:
  void block(const std::uint8_t* p);

  std::array<std::uint32_t, 8> h_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::array<std::uint8_t, 64> buffer_ = {};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

Sha256Digest sha256(std::string_view bytes);

}  // namespace parley
