// ThreadCache: hits only under the version an entry was built with, per site and page,
// within its byte budget. (Served responses and their ETags are tested over HTTP in
// tests/server/caching.test.mjs.)
#include <doctest/doctest.h>

#include <string>

#include "api/thread_cache.hpp"
#include "util/gzip.hpp"

using namespace parley::server;

namespace {

std::string thread_json(char filler, std::size_t size) {
  return R"({"comments":")" + std::string(size, filler) + R"("})";
}

}  // namespace

TEST_CASE("a cached thread is found under its version only, per site and page") {
  ThreadCache cache(1 << 20);
  CHECK(cache.find("blog", "/a/", 1) == nullptr);
  const Precompressed& put = cache.put("blog", "/a/", 1, thread_json('x', 4000));
  CHECK(put.body == thread_json('x', 4000));
  CHECK_FALSE(put.gzip.empty());
  CHECK(put.gzip.size() < put.body.size());
  CHECK(put.etag.front() == '"');

  const Precompressed* hit = cache.find("blog", "/a/", 1);
  REQUIRE(hit != nullptr);
  CHECK(hit->etag == put.etag);
  CHECK(cache.find("blog", "/a/", 2) == nullptr);  // the store changed since
  CHECK(cache.find("blog", "/b/", 1) == nullptr);
  CHECK(cache.find("news", "/a/", 1) == nullptr);

  cache.put("blog", "/a/", 2, thread_json('y', 10));
  REQUIRE(cache.find("blog", "/a/", 2) != nullptr);
  CHECK(cache.find("blog", "/a/", 2)->body == thread_json('y', 10));
  CHECK(cache.find("blog", "/a/", 2)->gzip.empty());  // too small to shrink
}

TEST_CASE("invalidation and the switch drop every entry") {
  ThreadCache cache(1 << 20);
  cache.put("blog", "/a/", 1, thread_json('x', 100));
  cache.put("blog", "/b/", 1, thread_json('x', 100));
  cache.invalidate_all();
  CHECK(cache.find("blog", "/a/", 1) == nullptr);
  CHECK(cache.find("blog", "/b/", 1) == nullptr);

  cache.put("blog", "/a/", 1, thread_json('x', 100));
  cache.set_enabled(false);
  CHECK(cache.find("blog", "/a/", 1) == nullptr);
  cache.put("blog", "/a/", 1, thread_json('x', 100));
  CHECK(cache.find("blog", "/a/", 1) == nullptr);
  cache.set_enabled(true);
  CHECK(cache.find("blog", "/a/", 1) == nullptr);  // nothing from the blind spell survives
  cache.put("blog", "/a/", 1, thread_json('x', 100));
  CHECK(cache.find("blog", "/a/", 1) != nullptr);
}

TEST_CASE("past its budget the cache forgets the oldest threads first") {
  // Each entry costs about its 30 KiB body (the gzip of repeated text is tiny).
  const std::string big = thread_json('x', 30 * 1024);
  ThreadCache cache(100 * 1024);
  for (const char* page : {"/1/", "/2/", "/3/", "/4/"}) cache.put("blog", page, 1, big);
  CHECK(cache.find("blog", "/1/", 1) == nullptr);
  CHECK(cache.find("blog", "/4/", 1) != nullptr);
  // An entry larger than the whole budget is still returned to its caller.
  const std::string huge = thread_json('z', 200 * 1024);
  CHECK(cache.put("blog", "/huge/", 1, huge).body == huge);
}

TEST_CASE("with a maximum age, an entry built longer ago than that is not found") {
  ThreadCache cache(1 << 20);
  cache.put("blog", "/a/\nearly", 1, "<section>", 1000);
  CHECK(cache.find("blog", "/a/\nearly", 1, 1060, 60) != nullptr);
  CHECK(cache.find("blog", "/a/\nearly", 1, 1061, 60) == nullptr);
  CHECK(cache.find("blog", "/a/\nearly", 1) != nullptr);  // no maximum: the version alone
  CHECK(cache.find("blog", "/a/", 1) == nullptr);         // another entry than the JSON's
}
