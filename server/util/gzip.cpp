#include "util/gzip.hpp"

#include <zlib.h>

#include <cstddef>
#include <limits>

#include "util/text.hpp"

namespace parley::server {
namespace {

// windowBits 15 plus 16 asks zlib for a gzip header and trailer instead of zlib's own.
constexpr int kGzipWindowBits = 15 + 16;
constexpr int kMemLevel = 8;  // zlib's default

// Reads the q value of one Accept-Encoding entry; absent means 1.
bool q_is_zero(std::string_view params) {
  for (std::string_view param : split(params, ';')) {
    param = trim(param);
    if (param.size() > 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
      std::string_view q = trim(param.substr(2));
      return q.find_first_not_of("0.") == std::string_view::npos;
    }
  }
  return false;
}

}  // namespace

std::string gzip_compress(std::string_view data, int level) {
  if (data.size() > std::numeric_limits<uInt>::max()) return {};
  z_stream zs{};
  if (deflateInit2(&zs, level, Z_DEFLATED, kGzipWindowBits, kMemLevel, Z_DEFAULT_STRATEGY) !=
      Z_OK) {
    return {};
  }
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 32, '\0');
  // zlib's API is not const-correct; it never writes through next_in.
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string{};
}

bool accepts_gzip(std::string_view accept_encoding) {
  for (std::string_view entry : split(accept_encoding, ',')) {
    entry = trim(entry);
    const std::size_t semi = entry.find(';');
    const std::string_view coding = trim(entry.substr(0, semi));
    if (iequals(coding, "gzip") || coding == "*") {
      return semi == std::string_view::npos || !q_is_zero(entry.substr(semi + 1));
    }
  }
  return false;
}

}  // namespace parley::server

namespace parley::server {

std::string gzip_etag(std::string_view etag) {
  if (etag.size() < 2 || etag.back() != '"') return std::string(etag);
  std::string out(etag.substr(0, etag.size() - 1));
  out += "-gzip\"";
  return out;
}

}  // namespace parley::server
