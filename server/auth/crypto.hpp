// The few cryptographic primitives login needs, over OpenSSL's libcrypto: base64url
// (JWT and token encoding), SHA-256 (PKCE), HMAC-SHA256 (session tokens), a CSPRNG
// (state, nonce, verifier, session ids) and RS256 verification against a JWK.
// Nothing here throws on bad *input*: callers get false/nullopt and decide the message.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace parley::server::auth {

std::string base64url_encode(std::string_view bytes);
// Unpadded base64url as JWTs use it; nullopt on any character outside the alphabet.
std::optional<std::string> base64url_decode(std::string_view text);

std::string sha256(std::string_view data);                             // 32 raw bytes
std::string hmac_sha256(std::string_view key, std::string_view data);  // 32 raw bytes
// Compares in time independent of where the strings differ (MACs, states).
bool constant_time_equal(std::string_view a, std::string_view b);

// `n` random bytes from OpenSSL's CSPRNG, base64url-encoded. Throws if the CSPRNG
// fails, which only happens on a broken system (then nothing secret may be issued).
std::string random_token(std::size_t n);

// Verifies an RSASSA-PKCS1-v1_5 SHA-256 signature with the RSA key (n, e), both
// base64url as in a JWK.
bool verify_rs256(std::string_view n_b64, std::string_view e_b64, std::string_view signed_input,
                  std::string_view signature);

}  // namespace parley::server::auth
