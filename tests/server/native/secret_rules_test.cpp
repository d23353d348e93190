// The server secret rules (auth/secret_rules.hpp); parleyd's refusal to start is
// tests/server/secrets.test.mjs.
#include <doctest/doctest.h>

#include <string>

#include "auth/secret_rules.hpp"

using parley::server::auth::kSecretPlaceholder;
using parley::server::auth::secret_problem;

TEST_CASE("random secrets of 32+ characters pass") {
  CHECK(secret_problem("k3J9vQ2+fXw8Lr0TzYbN5uHcA1sGdE7mPq4iWoRt6VyKjZlBnC0xMe9a2Fh3Ug8D").empty());
  CHECK(secret_problem("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08").empty());
  CHECK(secret_problem("a-test-secret-that-is-long-enough-0123456789").empty());
}

TEST_CASE("short, placeholder, default and uniform secrets are refused") {
  CHECK(secret_problem("").find("shorter") != std::string::npos);
  CHECK(secret_problem("k3J9vQ2+fXw8Lr0TzYbN5uHcA1sGdE7").find("shorter") != std::string::npos);
  CHECK(secret_problem(kSecretPlaceholder).find("placeholder") != std::string::npos);
  CHECK(secret_problem("…at least 32 random characters: openssl rand -base64 48…")
            .find("placeholder") != std::string::npos);
  CHECK(secret_problem("ChangeMe-please-0123456789-abcdefghij").find("changeme") !=
        std::string::npos);
  CHECK(secret_problem("secretsecretsecretsecretsecretsecret").find("repeated") !=
        std::string::npos);
  CHECK(secret_problem(std::string(64, 'x')).find("repeated") != std::string::npos);
  CHECK(secret_problem("0101010101010101010101010101010123").find("different") !=
        std::string::npos);
}
