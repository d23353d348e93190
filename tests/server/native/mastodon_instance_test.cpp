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
  const auto parsed = parse_instance(typed, TestInstances{test_instances, {}}, problem);
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

TEST_CASE("named test instances: a DNS-shaped name served by a loopback server") {
  const TestInstances test{false, {{"social.test", "http://127.0.0.1:4567"}}};
  std::string problem;
  const auto named = parse_instance("@ada@Social.Test", test, problem);
  REQUIRE(named);
  CHECK(named->host == "social.test");
  CHECK(named->base_url == "http://127.0.0.1:4567");
  CHECK(named->loopback);
  CHECK_FALSE(parse_instance("127.0.0.1:4567", test, problem));
  CHECK(parse_instance("mastodon.social", test, problem)->base_url == "https://mastodon.social");
  CHECK_FALSE(parse_instance("mastodon.social", test, problem)->loopback);
}
