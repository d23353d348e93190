// Fuzzes parleyd's request handling without sockets: the pure pipeline (rate limit ->
// route -> query parsing -> site and CORS -> handler -> finishing steps) over a real
// in-memory SQLite store. The input is an HTTP request as text:
//   METHOD TARGET\nName: value\n...\n\nBODY
// Invariants: no sanitizer report, never a 500 (bad input is a 4xx), every response
// carries the security headers, and every error body is JSON, except on the pages a
// reader opens in the browser (mail links, /privacy, /auth, /admin), which answer a bad
// link with a whole HTML page saying so; /api/ never answers in HTML.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "api/pipeline.hpp"
#include "server_limits.hpp"
#include "store/sqlite_store.hpp"

namespace {

using namespace parley::server;

constexpr int kInternalError = 500;
constexpr int kFirstClientError = 400;

[[noreturn]] void fail(const char* what, const Response& res) {
  std::fprintf(stderr, "fuzz_api_pipeline: %s (status %d): %s\n", what, res.status,
               res.body.c_str());
  std::abort();
}

// The long-lived parts parleyd builds at startup; one set for the whole fuzzing run,
// as in the server (so state such as stored comments accumulates between inputs).
struct World {
  SqliteStore store{":memory:"};
  RateLimiter unlimited_requests{0, parley::server::limits::kMaxTrackedClients};
  RateLimiter unlimited_posts{0, parley::server::limits::kMaxTrackedClients};
  CommentService comments{store, unlimited_posts};
  RateLimiter unlimited_likes{0, parley::server::limits::kMaxTrackedClients};
  LikeDigest like_digest;
  LikeService likes{store, unlimited_likes, like_digest};
  Sites sites{{Site{"demo", "Demo", {"http://localhost:8081"}}}};
  AssetCatalog assets;
  Services services{sites, comments, assets, unlimited_requests, likes};
};

std::string_view take_line(std::string_view& rest) {
  const std::size_t eol = rest.find('\n');
  const std::string_view line = rest.substr(0, eol);
  rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
  return line;
}

Request parse_request(std::string_view text) {
  Request req;
  req.client_ip = "127.0.0.1";
  const std::string_view start = take_line(text);
  const std::size_t space = start.find(' ');
  req.method = std::string(start.substr(0, space));
  const std::string_view target =
      space == std::string_view::npos ? std::string_view() : start.substr(space + 1);
  const std::size_t question = target.find('?');
  req.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) req.query = std::string(target.substr(question + 1));
  while (!text.empty()) {
    const std::string_view line = take_line(text);
    if (line.empty()) break;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    req.headers.push_back({std::string(line.substr(0, colon)), std::string(value)});
  }
  req.body = std::string(text);
  return req;
}

bool is_html_page(std::string_view body) {
  return body.starts_with("<!doctype html>") && body.find("<h1>") != std::string_view::npos &&
         body.ends_with("</html>");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static World world;
  const Request req = parse_request({reinterpret_cast<const char*>(data), size});
  const Response res = handle(req, world.services);
  if (res.status == kInternalError) fail("internal error", res);
  if (res.header("X-Content-Type-Options") != "nosniff" || res.header("Referrer-Policy").empty()) {
    fail("missing security headers", res);
  }
  if (res.status < kFirstClientError || !res.header("Content-Encoding").empty()) return 0;
  if (res.header("Content-Type").starts_with("text/html")) {
    if (req.path.starts_with("/api/")) fail("API error answered in HTML", res);
    if (!is_html_page(res.body)) fail("HTML error body is not a whole page", res);
  } else if (nlohmann::json::parse(res.body, nullptr, false).is_discarded()) {
    fail("error body is not JSON", res);
  }
  return 0;
}
