// Small string helpers shared by the server layers (ASCII only: HTTP tokens are ASCII).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::server {

std::string_view trim(std::string_view s);
std::vector<std::string_view> split(std::string_view s, char sep);
bool iequals(std::string_view a, std::string_view b);
std::string to_lower(std::string_view s);
bool starts_with_icase(std::string_view s, std::string_view prefix);

// `s` in double quotes, the form of an ETag.
std::string in_quotes(std::string_view s);

// 64-bit FNV-1a: fast, dependency-free, and stable across builds. Used for ETags and
// asset cache-busting names, where the threat is staleness, not an adversary.
std::uint64_t fnv1a64(std::string_view data);
// fnv1a64 as 16 lowercase hex digits.
std::string content_hash(std::string_view data);

}  // namespace parley::server
