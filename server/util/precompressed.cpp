#include "util/precompressed.hpp"

#include "util/gzip.hpp"
#include "util/text.hpp"

namespace parley::server {

Precompressed precompress(std::string body, int level) {
  Precompressed p;
  p.etag = in_quotes(content_hash(body));
  std::string compressed = gzip_compress(body, level);
  if (!compressed.empty() && compressed.size() < body.size()) p.gzip = std::move(compressed);
  p.body = std::move(body);
  return p;
}

}  // namespace parley::server
