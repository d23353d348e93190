// Edit tokens (auth/edit_token.hpp): bound to site, comment and expiry; the HTTP side
// is tests/server/own_comments.test.mjs.
#include <doctest/doctest.h>

#include <string>

#include "auth/edit_token.hpp"

using parley::server::auth::check_edit_token;
using parley::server::auth::EditTokenProblem;
using parley::server::auth::kMaxEditTokenChars;
using parley::server::auth::sign_edit_token;

namespace {
const std::string kSecret = "a-test-secret-that-is-long-enough-0123456789";
}  // namespace

TEST_CASE("an edit token is good for its site and comment until it expires") {
  const std::string token = sign_edit_token("blog", 42, 1000, kSecret);
  CHECK(token.size() < kMaxEditTokenChars);
  CHECK(token.starts_with("42.1000."));
  CHECK(check_edit_token(token, "blog", 42, 999, kSecret) == EditTokenProblem::none);
  CHECK(check_edit_token(token, "blog", 42, 1000, kSecret) == EditTokenProblem::expired);
  CHECK(check_edit_token(token, "blog", 43, 999, kSecret) == EditTokenProblem::invalid);
  CHECK(check_edit_token(token, "other", 42, 999, kSecret) == EditTokenProblem::invalid);
  CHECK(check_edit_token(token, "blog", 42, 999, kSecret + "x") == EditTokenProblem::invalid);
}

TEST_CASE("changed, truncated and malformed edit tokens are invalid") {
  const std::string token = sign_edit_token("blog", 42, 1000, kSecret);
  const std::string mac = token.substr(token.rfind('.') + 1);
  CHECK(check_edit_token("42.5000." + mac, "blog", 42, 999, kSecret) == EditTokenProblem::invalid);
  CHECK(check_edit_token("43.1000." + mac, "blog", 43, 999, kSecret) == EditTokenProblem::invalid);
  for (const std::string& bad :
       {std::string(), std::string("42"), std::string("42.1000"), token.substr(0, token.size() - 1),
        token + "A", std::string(kMaxEditTokenChars + 1, 'a'), std::string("..")}) {
    CHECK(check_edit_token(bad, "blog", 42, 999, kSecret) == EditTokenProblem::invalid);
  }
}
