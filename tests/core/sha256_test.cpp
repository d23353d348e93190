#include <doctest/doctest.h>

#include <string>

#include "core/sha256.hpp"

namespace {

std::string hex(const parley::Sha256Digest& d) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const auto b : d) {
    out += kHex[b >> 4];
    out += kHex[b & 0xf];
  }
  return out;
}

}  // namespace

// FIPS 180-4's examples (NIST CSRC "SHA256.pdf", "SHA256ShortMsg") and the long message
// of the NESSIE / FIPS 180-2 appendix.
TEST_CASE("sha256 matches the NIST example vectors") {
  CHECK(hex(parley::sha256("")) ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(hex(parley::sha256("abc")) ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(hex(parley::sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(hex(parley::sha256("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                           "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")) ==
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  CHECK(hex(parley::sha256(std::string(1000000, 'a'))) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256 streamed in uneven pieces equals one update") {
  const std::string text(1000, 'q');
  for (const std::size_t piece : {1, 55, 56, 63, 64, 65, 999}) {
    parley::Sha256 s;
    for (std::size_t i = 0; i < text.size(); i += piece)
      s.update(std::string_view(text).substr(i, piece));
    CHECK(hex(s.finish()) == hex(parley::sha256(text)));
  }
}
