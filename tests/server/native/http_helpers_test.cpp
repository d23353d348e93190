// The pure helpers under the HTTP layer: query decoding, validators, gzip negotiation.
#include <doctest/doctest.h>

#include <zlib.h>

#include "api/encoding.hpp"
#include "api/errors.hpp"
#include "api/query.hpp"
#include "server_limits.hpp"
#include "util/gzip.hpp"
#include "util/text.hpp"

using namespace parley::server;

namespace {

ErrorCode parse_error(std::string_view raw, Query (*parse)(std::string_view) = Query::parse) {
  try {
    parse(raw);
  } catch (const ApiError& e) {
    return e.code();
  }
  FAIL("no error for " << raw);
  return ErrorCode::internal;
}

std::string gunzip(const std::string& data) {
  z_stream zs{};
  REQUIRE(inflateInit2(&zs, 15 + 16) == Z_OK);
  std::string out(1 << 20, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  CHECK(inflate(&zs, Z_FINISH) == Z_STREAM_END);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return out;
}

}  // namespace

TEST_CASE("Query::parse decodes form encoding") {
  const Query q = Query::parse("site=demo&page=%2F2011%2F07%2F&page=/b+c/&flag&=x");
  CHECK(q.get("site") == "demo");
  CHECK(q.get("page") == "/2011/07/");
  CHECK(q.all("page") == std::vector<std::string>{"/2011/07/", "/b c/"});
  CHECK(q.get("flag") == "");
  CHECK(!q.get("missing"));
  CHECK(Query::parse("p=%C3%A9").get("p") == "\xC3\xA9");
}

TEST_CASE("Query::parse refuses what it cannot decode, and bounds the work") {
  CHECK(parse_error("p=%") == ErrorCode::bad_request);
  CHECK(parse_error("p=%4") == ErrorCode::bad_request);
  CHECK(parse_error("p=%zz") == ErrorCode::bad_request);
  CHECK(parse_error("p=%FF") == ErrorCode::bad_utf8);
  CHECK(parse_error("p=%C0%AF") == ErrorCode::bad_utf8);  // overlong "/"
  CHECK(parse_error(std::string(limits::kMaxQueryBytes + 1, 'a')) == ErrorCode::bad_request);
  std::string many;
  for (std::size_t i = 0; i <= limits::kMaxQueryParams; ++i) many += "p=1&";
  CHECK(parse_error(many) == ErrorCode::bad_request);
}

TEST_CASE("Query::parse_form takes a body longer than any query, in fewer fields") {
  const std::string text(limits::kMaxQueryBytes + 100, 'a');
  CHECK(Query::parse_form("page=%2Fa%2F&comment=" + text).get("comment") == text);
  CHECK(parse_error("comment=%FF", Query::parse_form) == ErrorCode::bad_utf8);
  CHECK(parse_error("comment=%zz", Query::parse_form) == ErrorCode::bad_request);
  std::string many;
  for (std::size_t i = 0; i <= limits::kMaxFormParams; ++i) many += "f=1&";
  CHECK(parse_error(many, Query::parse_form) == ErrorCode::bad_request);
}

TEST_CASE("etag_matches uses weak comparison") {
  CHECK(etag_matches("\"abc\"", "\"abc\""));
  CHECK(etag_matches("W/\"abc\"", "\"abc\""));
  CHECK(etag_matches("\"x\", \"abc\"", "\"abc\""));
  CHECK(etag_matches("*", "\"abc\""));
  CHECK_FALSE(etag_matches("\"abcd\"", "\"abc\""));
  CHECK_FALSE(etag_matches("", "\"abc\""));
}

TEST_CASE("accepts_gzip reads Accept-Encoding") {
  CHECK(accepts_gzip("gzip"));
  CHECK(accepts_gzip("br, GZIP;q=0.5"));
  CHECK(accepts_gzip("*"));
  CHECK_FALSE(accepts_gzip(""));
  CHECK_FALSE(accepts_gzip("br, deflate"));
  CHECK_FALSE(accepts_gzip("gzip;q=0"));
  CHECK_FALSE(accepts_gzip("gzip; q=0.000"));
}

TEST_CASE("gzip round-trips and gets its own ETag") {
  const std::string text(5000, 'x');
  const std::string compressed = gzip_compress(text, kGzipLevelDefault);
  CHECK(compressed.size() < text.size() / 10);
  CHECK(gunzip(compressed) == text);
  CHECK(gzip_etag("\"abc\"") == "\"abc-gzip\"");
}

TEST_CASE("content_hash is 16 hex digits and changes with the content") {
  CHECK(content_hash("a").size() == 16);
  CHECK(content_hash("a") != content_hash("b"));
  CHECK(content_hash("") == "cbf29ce484222325");  // the FNV-1a 64 offset basis
}

TEST_CASE("every error code maps to its documented status") {
  CHECK(http_status(ErrorCode::bad_json) == 400);
  CHECK(http_status(ErrorCode::origin_not_allowed) == 403);
  CHECK(http_status(ErrorCode::unknown_site) == 404);
  CHECK(http_status(ErrorCode::method_not_allowed) == 405);
  CHECK(http_status(ErrorCode::too_large) == 413);
  CHECK(http_status(ErrorCode::unsupported_media_type) == 415);
  CHECK(http_status(ErrorCode::rate_limited) == 429);
  CHECK(http_status(ErrorCode::internal) == 500);
  CHECK(std::string(error_name(ErrorCode::rate_limited)) == "rate_limited");
}
