// Host names as readers type them (websites, e-mail domains, fediverse instances):
// one check, so a host accepted in one field is accepted in every other.
#pragma once

#include <string_view>

namespace parley {

// A DNS name of at least two labels ("example.org"), each 1-63 letters, digits or
// hyphens, not starting or ending with a hyphen; 253 bytes at most.
bool is_dns_name(std::string_view host);

// Strips a ":port" suffix (1-5 digits) from `host`. False when a colon is there but
// what follows is not a port; `host` is then unspecified.
bool strip_port(std::string_view& host);

}  // namespace parley
