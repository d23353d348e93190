// Whether an IP address is on the public internet. Mastodon instances are named by
// readers, so parleyd must not let a name that resolves into its own network (loopback,
// private ranges, link-local cloud metadata) turn a login into a request there.
#pragma once

#include <array>
#include <cstdint>

namespace parley::server::auth {

// `a.b.c.d` as {a, b, c, d}.
bool is_public_ipv4(const std::array<std::uint8_t, 4>& address);
// In network byte order; IPv4-mapped and NAT64 addresses are judged by their IPv4 part.
bool is_public_ipv6(const std::array<std::uint8_t, 16>& address);

}  // namespace parley::server::auth
