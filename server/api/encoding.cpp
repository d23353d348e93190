#include "api/encoding.hpp"

#include "server_limits.hpp"
#include "util/gzip.hpp"
#include "util/text.hpp"

namespace parley::server {
namespace {

constexpr int kNotModified = 304;

std::string_view opaque_tag(std::string_view tag) {
  tag = trim(tag);
  return tag.starts_with("W/") ? tag.substr(2) : tag;
}

}  // namespace

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match.empty() || etag.empty()) return false;
  if (trim(if_none_match) == "*") return true;
  for (std::string_view candidate : split(if_none_match, ',')) {
    if (opaque_tag(candidate) == opaque_tag(etag)) return true;
  }
  return false;
}

void set_precompressed(const Request& req, Response& res, const Precompressed& p) {
  if (!p.gzip.empty() && accepts_gzip(req.header("Accept-Encoding"))) {
    res.set("Content-Encoding", "gzip");
    res.set("ETag", gzip_etag(p.etag));
    res.body = p.gzip;
  } else {
    res.set("ETag", p.etag);
    res.body = p.body;
  }
}

void encode_body(const Request& req, Response& res) {
  // An event stream has no body here to hash or compress.
  if (res.stream) return;
  const bool cacheable = (req.method == "GET" || req.method == "HEAD") && res.status == 200;
  const bool want_gzip = res.header("Content-Encoding").empty() &&
                         res.body.size() >= limits::kMinGzipBytes &&
                         accepts_gzip(req.header("Accept-Encoding"));
  std::string identity_etag;
  if (cacheable && res.header("ETag").empty()) {
    identity_etag = in_quotes(content_hash(res.body));
    res.set("ETag", want_gzip ? gzip_etag(identity_etag) : identity_etag);
  }
  if (cacheable && etag_matches(req.header("If-None-Match"), res.header("ETag"))) {
    res.status = kNotModified;
    res.body.clear();
    res.erase("Content-Encoding");
    return;
  }
  if (!want_gzip) return;
  std::string compressed = gzip_compress(res.body, kGzipLevelDefault);
  if (!compressed.empty() && compressed.size() < res.body.size()) {
    res.body = std::move(compressed);
    res.set("Content-Encoding", "gzip");
  } else if (!identity_etag.empty()) {
    res.set("ETag", identity_etag);
  }
}

}  // namespace parley::server
