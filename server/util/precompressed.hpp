// A body compressed once and served many times: the widget's files (service/
// asset_catalog.hpp) and finished thread responses (api/thread_cache.hpp).
#pragma once

#include <string>

namespace parley::server {

struct Precompressed {
  std::string body;
  std::string gzip;  // "" when compression would not shrink it
  std::string etag;  // strong validator of `body`, quoted
};

// Hashes and gzips `body` at zlib `level` (util/gzip.hpp).
Precompressed precompress(std::string body, int level);

}  // namespace parley::server
