// The Argon2id wrapper (server/admin/password_hash.hpp) against libargon2 itself.
#include <doctest/doctest.h>

#include <string>

#include "admin/password_hash.hpp"

using namespace parley::server::admin;

namespace {

// Small parameters keep these cases fast; the production ones are checked once below.
constexpr Argon2Params kFast{1, 64, 1};

}  // namespace

TEST_CASE("password hashing") {
  SUBCASE("a hash verifies with its password and no other") {
    const std::string hash = hash_password("correct horse battery", kFast);
    CHECK(verify_password(hash, "correct horse battery"));
    CHECK_FALSE(verify_password(hash, "correct horse batterY"));
    CHECK_FALSE(verify_password(hash, "correct horse battery "));
    CHECK_FALSE(verify_password(hash, ""));
  }

  SUBCASE("the stored form is a PHC string that names Argon2id and its parameters") {
    const std::string hash = hash_password("pw-0123456789", kFast);
    CHECK(hash.starts_with("$argon2id$v=19$m=64,t=1,p=1$"));
    CHECK(hash.find("pw-0123456789") == std::string::npos);
  }

  SUBCASE("each hash has its own salt") {
    CHECK(hash_password("same password", kFast) != hash_password("same password", kFast));
  }

  SUBCASE("the production parameters are the documented ones") {
    const std::string hash = hash_password("a long enough password");
    CHECK(hash.starts_with("$argon2id$v=19$m=65536,t=3,p=1$"));
    CHECK(verify_password(hash, "a long enough password"));
  }

  SUBCASE("malformed or foreign hashes never verify") {
    CHECK_FALSE(verify_password("", "x"));
    CHECK_FALSE(verify_password("not a hash", "x"));
    CHECK_FALSE(verify_password("$argon2id$v=19$m=64,t=1,p=1$", "x"));
    const std::string hash = hash_password("pw", kFast);
    CHECK_FALSE(verify_password(hash.substr(0, hash.size() - 2), "pw"));
    // Argon2i's hash of the password is not accepted where Argon2id is expected.
    std::string argon2i = hash;
    argon2i.replace(0, 9, "$argon2i");
    CHECK_FALSE(verify_password(argon2i, "pw"));
    std::string with_nul = hash;
    with_nul.insert(5, 1, '\0');
    CHECK_FALSE(verify_password(with_nul, "pw"));
  }

  SUBCASE("passwords with NUL bytes and non-ASCII text hash as bytes") {
    const std::string pw = std::string("a\0b", 3) + "pässwörd";
    const std::string hash = hash_password(pw, kFast);
    CHECK(verify_password(hash, pw));
    CHECK_FALSE(verify_password(hash, "a"));
  }

  SUBCASE("the decoy hash is valid and stable, and matches no empty password") {
    CHECK(decoy_hash().starts_with("$argon2id$"));
    CHECK(&decoy_hash() == &decoy_hash());
    CHECK_FALSE(verify_password(decoy_hash(), ""));
  }
}
