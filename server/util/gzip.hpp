// gzip (RFC 1952) compression with zlib, for response bodies and precomputed assets.
#pragma once

#include <string>
#include <string_view>

namespace parley::server {

// zlib levels: precomputed assets are compressed once, so they get the smallest output;
// per-request bodies get zlib's default, most of the gain for a fraction of the CPU.
inline constexpr int kGzipLevelBest = 9;
inline constexpr int kGzipLevelDefault = 6;

// Compresses `data` into a gzip member. Returns "" only if zlib fails (out of memory),
// in which case callers send the body uncompressed.
std::string gzip_compress(std::string_view data, int level);

// True when an Accept-Encoding header value admits gzip ("gzip", "gzip;q=0.8", "*"),
// and false when it is absent or refused with q=0.
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace parley::server

namespace parley::server {

// The validator of the gzip variant of a representation whose strong ETag is `etag`
// ("\"abc\"" -> "\"abc-gzip\""): different bytes need a different strong ETag.
std::string gzip_etag(std::string_view etag);

}  // namespace parley::server
