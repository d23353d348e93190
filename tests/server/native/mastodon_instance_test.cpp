// Which Mastodon instance names parleyd accepts from a reader (auth/mastodon.hpp): DNS
// names however typed; never IP addresses, localhost or ports unless the explicit test
// setting allows loopback servers. The HTTP side is tests/server/mastodon.test.mjs.
#include <doctest/doctest.h>

#include <string>

#include "auth/mastodon.hpp"

using namespace parley::server::auth;

namespace {

std::string host_of(std::string_view typed, bool test_instances = false) {
  std::string problem;
  const auto parsed = parse_instance(typed, test_instances, problem);
  CHECK(parsed.has_value() == problem.empty());
  return parsed ? parsed->base_url : "refused";
}

}  // namespace

TEST_CASE("instance names are read the ways readers type them") {
  CHECK(host_of("mastodon.social") == "https://mastodon.social");
  CHECK(host_of("  Mastodon.Social  ") == "https://mastodon.social");
  CHECK(host_of("https://mastodon.social/") == "https://mastodon.social");
  CHECK(host_of("@ada@fosstodon.org") == "https://fosstodon.org");
  CHECK(host_of("ada@hachyderm.io") == "https://hachyderm.io");
}

TEST_CASE("by default no address, localhost, port, path or non-DNS name") {
  for (const char* typed :
       {"", "mastodon", "127.0.0.1", "127.0.0.1:3000", "localhost", "localhost:3000", "10.0.0.1",
        "[::1]", "::1", "mastodon.localhost", "mastodon.social:8443", "mastodon.social/path",
        "mastodon.social?x=1", "-bad.example", "a b.example", "https://", "@ada@"}) {
    CAPTURE(typed);
    CHECK(host_of(typed) == "refused");
  }
  CHECK(host_of(std::string(kMaxInstanceInputChars + 1, 'a')) == "refused");
}

TEST_CASE("the test setting adds loopback http servers with a port, nothing else") {
  CHECK(host_of("127.0.0.1:3000", true) == "http://127.0.0.1:3000");
  CHECK(host_of("localhost:3000", true) == "http://localhost:3000");
  CHECK(host_of("mastodon.social", true) == "https://mastodon.social");
  CHECK(host_of("10.0.0.1:3000", true) == "refused");
  CHECK(host_of("127.0.0.1", true) == "refused");
}
