// Which addresses count as public (auth/public_address.hpp): the guard that keeps a
// Mastodon instance name resolving into parleyd's own network from being called.
#include <doctest/doctest.h>

#include "auth/public_address.hpp"

using parley::server::auth::is_public_ipv4;
using parley::server::auth::is_public_ipv6;

TEST_CASE("IPv4: public unicast only") {
  CHECK(is_public_ipv4({1, 1, 1, 1}));
  CHECK(is_public_ipv4({93, 184, 216, 34}));
  CHECK(is_public_ipv4({172, 32, 0, 1}));     // just past 172.16/12
  CHECK(is_public_ipv4({100, 128, 0, 1}));    // just past 100.64/10
  CHECK(is_public_ipv4({169, 253, 255, 1}));  // just before 169.254/16
  for (const std::array<std::uint8_t, 4> a :
       std::initializer_list<std::array<std::uint8_t, 4>>{{127, 0, 0, 1},
                                                          {127, 1, 2, 3},
                                                          {10, 0, 0, 1},
                                                          {172, 16, 0, 1},
                                                          {172, 31, 255, 255},
                                                          {192, 168, 1, 1},
                                                          {169, 254, 169, 254},
                                                          {100, 64, 0, 1},
                                                          {0, 0, 0, 0},
                                                          {224, 0, 0, 1},
                                                          {255, 255, 255, 255},
                                                          {192, 0, 2, 1},
                                                          {198, 18, 0, 1}}) {
    CAPTURE(static_cast<int>(a[0]));
    CHECK_FALSE(is_public_ipv4(a));
  }
}

TEST_CASE("IPv6: loopback, unique-local, link-local, multicast and mapped private refused") {
  std::array<std::uint8_t, 16> a{};
  CHECK_FALSE(is_public_ipv6(a));  // ::
  a[15] = 1;
  CHECK_FALSE(is_public_ipv6(a));  // ::1
  const std::array<std::uint8_t, 16> google{0x20, 0x01, 0x48, 0x60, 0, 0, 0,    0,
                                            0,    0,    0,    0,    0, 0, 0x88, 0x88};
  CHECK(is_public_ipv6(google));
  CHECK_FALSE(is_public_ipv6({0xfd, 0x12}));        // unique local
  CHECK_FALSE(is_public_ipv6({0xfe, 0x80, 0, 0}));  // link-local
  CHECK_FALSE(is_public_ipv6({0xff, 0x02}));        // multicast
  CHECK_FALSE(is_public_ipv6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1}));
  CHECK_FALSE(is_public_ipv6({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1}));
  CHECK(is_public_ipv6({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 1, 1, 1, 1}));
  CHECK_FALSE(is_public_ipv6({0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 1}));
}
