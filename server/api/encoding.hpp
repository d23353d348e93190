// Response bodies on the way out: ETag and If-None-Match (304), then gzip.
#pragma once

#include <string_view>

#include "api/message.hpp"
#include "util/precompressed.hpp"

namespace parley::server {

// Gives a 200 GET response a strong ETag (unless the handler set one), answers 304
// when If-None-Match names it, and gzips bodies of at least limits::kMinGzipBytes
// for clients that accept it. The gzip variant's ETag differs from the identity one.
void encode_body(const Request& req, Response& res);

// Sets the body, ETag and Content-Encoding of `res` to the variant of `p` the client
// accepts; encode_body then only answers If-None-Match.
void set_precompressed(const Request& req, Response& res, const Precompressed& p);

// Weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored; "*" matches anything.
bool etag_matches(std::string_view if_none_match, std::string_view etag);

}  // namespace parley::server
