#include <doctest/doctest.h>

#include <string>

#include "core/proof_of_work.hpp"

namespace pow = parley::pow;

TEST_CASE("leading_zero_bits counts across bytes") {
  parley::Sha256Digest d{};
  CHECK(pow::leading_zero_bits(d) == 256);
  d[0] = 0x80;
  CHECK(pow::leading_zero_bits(d) == 0);
  d[0] = 0x01;
  CHECK(pow::leading_zero_bits(d) == 7);
  d[0] = 0;
  d[1] = 0x10;
  CHECK(pow::leading_zero_bits(d) == 11);
}

TEST_CASE("a solved nonce proves the work and the next nonce does not") {
  const std::string challenge = "12.1700000000.0123456789abcdef.mac";
  const auto nonce = pow::solve(challenge, 12, 0, 1u << 20);
  REQUIRE(nonce.has_value());
  const std::string text = std::to_string(*nonce);
  CHECK(pow::proof_holds(challenge, text, 12));
  CHECK(pow::leading_zero_bits(parley::sha256(challenge + ":" + text)) >= 12);
  // The first nonce that holds: every one before it fails.
  for (std::uint64_t n = 0; n < *nonce; ++n) {
    CHECK_FALSE(pow::proof_holds(challenge, std::to_string(n), 12));
  }
  // Another challenge, the same nonce: 12 zero bits by chance is 1 in 4096.
  CHECK_FALSE(pow::proof_holds(challenge + "x", text, 24));
}

TEST_CASE("a solve that finds nothing in its range says so") {
  // sha256("x:0") starts with 0xbb: no zero bit.
  CHECK_FALSE(pow::solve("x", 1, 0, 1).has_value());
  CHECK(pow::solve("x", 0, 0, 1) == 0u);
  CHECK_FALSE(pow::solve("x", 12, 5, 0).has_value());
}

TEST_CASE("proof_holds refuses nonces that are not short decimal numbers") {
  const std::string challenge = "c";
  const auto nonce = pow::solve(challenge, 4, 0, 10000);
  REQUIRE(nonce.has_value());
  CHECK(pow::proof_holds(challenge, std::to_string(*nonce), 4));
  CHECK_FALSE(pow::proof_holds(challenge, "", 0));
  CHECK_FALSE(pow::proof_holds(challenge, "-1", 0));
  CHECK_FALSE(pow::proof_holds(challenge, "1a", 0));
  CHECK_FALSE(pow::proof_holds(challenge, std::string(21, '1'), 0));
  CHECK(pow::proof_holds(challenge, std::string(20, '1'), 0));
}
