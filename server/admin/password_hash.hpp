// Owner and moderator passwords, hashed with Argon2id (RFC 9106) through Debian's
// libargon2. The stored form is the PHC string "$argon2id$v=19$m=…,t=…,p=…$salt$hash",
// so the parameters travel with each hash and can be raised later without breaking
// existing accounts (docs/admin.md, "Passwords").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::server::admin {

struct Argon2Params {
  std::uint32_t t_cost;      // passes over memory
  std::uint32_t m_cost_kib;  // memory per hash, KiB
  std::uint32_t lanes;       // parallelism
};

// t=3, m=64 MiB, p=1: RFC 9106's second recommendation (t=3, 64 MiB) with one lane,
// because parleyd's box has two cores that keep serving readers while an owner logs
// in; one hash takes ~0.1-0.2 s of one core and 64 MiB, and logins are rate limited
// and run on the worker pool (at most limits::kProviderThreads at once).
inline constexpr Argon2Params kPasswordParams{3, 64 * 1024, 1};

inline constexpr std::size_t kSaltBytes = 16;  // RFC 9106: 128 bits
inline constexpr std::size_t kHashBytes = 32;

// Passwords shorter than this are refused by `parleyd admin create` and the UI: the
// hash slows guessing down, it cannot save a short password.
inline constexpr std::size_t kMinPasswordChars = 10;
// Bounded input: Argon2 accepts up to 4 GiB, nobody types more than this.
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// A fresh random salt and the PHC-encoded Argon2id hash of `password`. Throws
// std::runtime_error if libargon2 fails (out of memory), never with the password in it.
std::string hash_password(std::string_view password, const Argon2Params& params = kPasswordParams);

// True when `encoded` is an Argon2id hash of `password`. libargon2 recomputes the hash
// with the encoded parameters and compares in constant time; a malformed `encoded`
// is false.
bool verify_password(std::string_view encoded, std::string_view password);

// A valid hash of no password anyone knows, to verify against when the email is not
// an account: a wrong email then costs the same time as a wrong password.
const std::string& decoy_hash();

}  // namespace parley::server::admin
