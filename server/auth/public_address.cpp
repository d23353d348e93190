#include "auth/public_address.hpp"

#include <algorithm>

namespace parley::server::auth {
namespace {

struct Range {
  std::array<std::uint8_t, 4> base;
  int bits;
};

// Special-purpose IPv4 ranges (RFC 6890 and successors) that are not public unicast.
constexpr Range kNotPublicV4[] = {
    {{0, 0, 0, 0}, 8},        // "this network"
    {{10, 0, 0, 0}, 8},       // private
    {{100, 64, 0, 0}, 10},    // carrier-grade NAT
    {{127, 0, 0, 0}, 8},      // loopback
    {{169, 254, 0, 0}, 16},   // link-local (cloud metadata services live here)
    {{172, 16, 0, 0}, 12},    // private
    {{192, 0, 0, 0}, 24},     // IETF protocol assignments
    {{192, 0, 2, 0}, 24},     // documentation
    {{192, 168, 0, 0}, 16},   // private
    {{198, 18, 0, 0}, 15},    // benchmarking
    {{198, 51, 100, 0}, 24},  // documentation
    {{203, 0, 113, 0}, 24},   // documentation
    {{224, 0, 0, 0}, 4},      // multicast
    {{240, 0, 0, 0}, 4},      // reserved, broadcast
};

template <std::size_t N>
bool in_prefix(const std::array<std::uint8_t, N>& a, const std::uint8_t* base, int bits) {
  for (std::size_t i = 0; bits > 0; ++i, bits -= 8) {
    const int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((a[i] & mask) != (base[i] & mask)) return false;
  }
  return true;
}

}  // namespace

bool is_public_ipv4(const std::array<std::uint8_t, 4>& address) {
  return std::none_of(std::begin(kNotPublicV4), std::end(kNotPublicV4),
                      [&](const Range& r) { return in_prefix(address, r.base.data(), r.bits); });
}

bool is_public_ipv6(const std::array<std::uint8_t, 16>& a) {
  constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  constexpr std::uint8_t kNat64[12] = {0, 0x64, 0xff, 0x9b};
  if (in_prefix(a, kMapped, 96) || in_prefix(a, kNat64, 96)) {
    return is_public_ipv4({a[12], a[13], a[14], a[15]});
  }
  constexpr std::uint8_t kZero[16] = {};
  constexpr std::uint8_t kUniqueLocal[1] = {0xfc};
  constexpr std::uint8_t kLinkLocal[2] = {0xfe, 0x80};
  constexpr std::uint8_t kMulticast[1] = {0xff};
  constexpr std::uint8_t kDocumentation[4] = {0x20, 0x01, 0x0d, 0xb8};
  // ::/127 covers the unspecified address and loopback (::1).
  return !(in_prefix(a, kZero, 127) || in_prefix(a, kUniqueLocal, 7) ||
           in_prefix(a, kLinkLocal, 10) || in_prefix(a, kMulticast, 8) ||
           in_prefix(a, kDocumentation, 32));
}

}  // namespace parley::server::auth
