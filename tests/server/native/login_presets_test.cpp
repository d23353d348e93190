// Provider presets, checked without the providers (they cannot be reached from test
// machines): the authorization URL parleyd builds for each, and how each documented
// profile shape maps to the reader's id, name and avatar. The sample profiles are
// trimmed copies of the examples in each provider's API documentation.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "auth/login_config.hpp"
#include "auth/login_service.hpp"
#include "auth/presets.hpp"

using namespace parley::server::auth;
using nlohmann::json;

namespace {

LoginConfig config_with(const json& provider) {
  return read_login_config(json{{"sites", {{"blog", {{"providers", json::array({provider})}}}}}},
                           "test");
}

const ProviderConfig& only_provider(const LoginConfig& c) {
  return c.sites.at(0).providers.at(0);
}

std::string url_for(const ProviderConfig& p) {
  const std::string endpoint =
      p.kind == ProviderKind::oidc ? p.issuer + "/authorize" : p.authorization_endpoint;
  return authorization_url(endpoint, p,
                           {"https://comments.example/auth/callback", "STATE", "NONCE", "CHAL"});
}

}  // namespace

TEST_CASE("every preset is complete and readable from the config") {
  for (const std::string_view name : preset_names()) {
    CAPTURE(name);
    const LoginConfig c = config_with({{"preset", name}, {"client_id", "cid"}});
    const ProviderConfig& p = only_provider(c);
    CHECK(p.id == name);
    CHECK(!p.name.empty());
    CHECK(!p.scopes.empty());
    if (p.kind == ProviderKind::oidc) {
      CHECK(p.issuer.starts_with("https://"));
    } else if (p.kind == ProviderKind::oauth2) {
      CHECK(p.authorization_endpoint.starts_with("https://"));
      CHECK(p.token_endpoint.starts_with("https://"));
      CHECK(p.userinfo_endpoint.starts_with("https://"));
    }
  }
}

TEST_CASE("config members override the preset; unknown presets are refused") {
  const LoginConfig c = config_with({{"preset", "gitlab"},
                                     {"id", "work"},
                                     {"name", "Work GitLab"},
                                     {"issuer", "https://gitlab.work.example"},
                                     {"client_id", "cid"}});
  CHECK(only_provider(c).id == "work");
  CHECK(only_provider(c).issuer == "https://gitlab.work.example");
  CHECK_THROWS_WITH(config_with({{"preset", "myspace"}, {"client_id", "c"}}),
                    doctest::Contains("unknown provider preset"));
  CHECK_THROWS_WITH(
      config_with({{"id", "x"}, {"authorization_endpoint", "https://a"}, {"client_id", "c"}}),
      doctest::Contains("needs authorization_endpoint, token_endpoint"));
}

TEST_CASE("authorization URLs: X gets PKCE; OAuth 2 providers get no nonce; OIDC does") {
  const LoginConfig x_config = config_with({{"preset", "x"}, {"client_id", "c"}});
  const ProviderConfig& x_provider = only_provider(x_config);
  CHECK(x_provider.basic_auth);  // X: confidential clients authenticate with HTTP Basic
  const std::string x = url_for(x_provider);
  CHECK(
      x ==
      "https://x.com/i/oauth2/authorize?response_type=code&client_id=c&redirect_uri=https%3A%2F%2F"
      "comments.example%2Fauth%2Fcallback&scope=users.read%20tweet.read&state=STATE&"
      "code_challenge=CHAL&code_challenge_method=S256");
  const std::string github =
      url_for(only_provider(config_with({{"preset", "github"}, {"client_id", "c"}})));
  CHECK(github.starts_with("https://github.com/login/oauth/authorize?response_type=code&"));
  CHECK(github.find("scope=read%3Auser") != std::string::npos);
  CHECK(github.find("nonce") == std::string::npos);
  const std::string google =
      url_for(only_provider(config_with({{"preset", "google"}, {"client_id", "c"}})));
  CHECK(google.find("scope=openid%20profile&state=STATE&nonce=NONCE&") != std::string::npos);
  const std::string facebook =
      url_for(only_provider(config_with({{"preset", "facebook"}, {"client_id", "c"}})));
  CHECK(facebook.starts_with("https://www.facebook.com/v19.0/dialog/oauth?"));
  CHECK(facebook.find("scope=public_profile") != std::string::npos);
  const std::string wp =
      url_for(only_provider(config_with({{"preset", "wordpress"}, {"client_id", "c"}})));
  CHECK(wp.starts_with("https://public-api.wordpress.com/oauth2/authorize?"));
}

TEST_CASE("each preset's button shows its brand mark; other providers the OpenID mark") {
  for (const std::string_view name : preset_names()) {
    CAPTURE(name);
    CHECK(only_provider(config_with({{"preset", name}, {"client_id", "c"}})).icon == name);
  }
  // Renamed, the preset keeps its mark; an owner may name one for a plain issuer.
  CHECK(
      only_provider(config_with({{"preset", "gitlab"}, {"id", "work"}, {"client_id", "c"}})).icon ==
      "gitlab");
  const json sso = {{"id", "sso"}, {"issuer", "https://sso.example"}, {"client_id", "c"}};
  CHECK(only_provider(config_with(sso)).icon.empty());
  json own = sso;
  own["icon"] = "gitlab";
  CHECK(only_provider(config_with(own)).icon == "gitlab");
  own["icon"] = "<svg>";
  CHECK_THROWS_WITH(config_with(own), doctest::Contains("\"icon\" must be"));
}

TEST_CASE("changing accounts asks OIDC providers to log in again, Mastodon too, OAuth 2 not") {
  const auto change_url = [](const json& provider) {
    return authorization_url(
        "https://idp.example/authorize", only_provider(config_with(provider)),
        {"https://comments.example/auth/callback", "STATE", "NONCE", "CHAL", true});
  };
  CHECK(change_url({{"preset", "google"}, {"client_id", "c"}}).find("&nonce=NONCE&prompt=login&") !=
        std::string::npos);
  CHECK(change_url({{"preset", "mastodon"}}).find("&force_login=true") != std::string::npos);
  const std::string github = change_url({{"preset", "github"}, {"client_id", "c"}});
  CHECK(github.find("prompt") == std::string::npos);
  CHECK(github.find("force_login") == std::string::npos);
  // Not changing: nothing extra.
  CHECK(url_for(only_provider(config_with({{"preset", "google"}, {"client_id", "c"}})))
            .find("prompt") == std::string::npos);
}

TEST_CASE("a started login's lifetime may be shortened, never lengthened") {
  const auto with = [](std::int64_t seconds) {
    return read_login_config(json{{"pending_login_seconds", seconds}}, "test");
  };
  CHECK(read_login_config(json::object(), "test").pending_seconds == kPendingLoginSeconds);
  CHECK(with(60).pending_seconds == 60);
  CHECK_THROWS_WITH(with(0), doctest::Contains("pending_login_seconds"));
  CHECK_THROWS_WITH(with(kPendingLoginSeconds + 1), doctest::Contains("pending_login_seconds"));
}

TEST_CASE("profiles map to id, name and avatar as each provider documents them") {
  const auto claims = [](std::string_view preset) { return find_preset(preset)->claims; };
  SUBCASE("GitHub: numeric id, name falls back to login") {
    const auto p = map_profile(
        json::parse(R"({"login":"octocat","id":1,"avatar_url":"https://github.com/o.gif",)"
                    R"("name":null})"),
        claims("github"));
    REQUIRE(p);
    CHECK(p->subject == "1");
    CHECK(p->name == "octocat");
    CHECK(p->avatar == "https://github.com/o.gif");
  }
  SUBCASE("WordPress.com /me") {
    const auto p = map_profile(json::parse(R"({"ID":12345,"display_name":"Ana","username":"ana",)"
                                           R"("avatar_URL":"https://0.gravatar.com/avatar/x"})"),
                               claims("wordpress"));
    REQUIRE(p);
    CHECK(p->subject == "12345");
    CHECK(p->name == "Ana");
    CHECK(p->avatar == "https://0.gravatar.com/avatar/x");
  }
  SUBCASE("X /2/users/me nests under data") {
    const auto p = map_profile(
        json::parse(R"({"data":{"id":"2244994945","name":"X Dev","username":"XDevelopers",)"
                    R"("profile_image_url":"https://pbs.twimg.com/p.jpg"}})"),
        claims("x"));
    REQUIRE(p);
    CHECK(p->subject == "2244994945");
    CHECK(p->name == "X Dev");
    CHECK(p->avatar == "https://pbs.twimg.com/p.jpg");
  }
  SUBCASE("Facebook picture.data.url") {
    const auto p = map_profile(
        json::parse(R"({"id":"10","name":"Mark","picture":{"data":{"url":"https://fb/p.jpg"}}})"),
        claims("facebook"));
    REQUIRE(p);
    CHECK(p->subject == "10");
    CHECK(p->avatar == "https://fb/p.jpg");
  }
  SUBCASE("a profile without the id is no identity") {
    CHECK(!map_profile(json::parse(R"({"name":"Nobody"})"), claims("github")));
    CHECK(!map_profile(json::parse(R"([1,2])"), claims("x")));
  }
}
