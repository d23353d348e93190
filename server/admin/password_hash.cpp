#include "admin/password_hash.hpp"

#include <argon2.h>

#include <stdexcept>
#include <vector>

#include "auth/crypto.hpp"

namespace parley::server::admin {
namespace {

std::string random_bytes(std::size_t n) {
  // random_token base64url-encodes CSPRNG bytes; its decoded form is the raw bytes.
  return *auth::base64url_decode(auth::random_token(n));
}

}  // namespace

std::string hash_password(std::string_view password, const Argon2Params& params) {
  const std::string salt = random_bytes(kSaltBytes);
  std::vector<char> encoded(argon2_encodedlen(params.t_cost, params.m_cost_kib, params.lanes,
                                              static_cast<std::uint32_t>(salt.size()), kHashBytes,
                                              Argon2_id));
  const int rc = argon2id_hash_encoded(params.t_cost, params.m_cost_kib, params.lanes,
                                       password.data(), password.size(), salt.data(), salt.size(),
                                       kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) {
    throw std::runtime_error(std::string("argon2: ") + argon2_error_message(rc));
  }
  return std::string(encoded.data());
}

bool verify_password(std::string_view encoded, std::string_view password) {
  // argon2id_verify wants a NUL-terminated string; an embedded NUL would cut it short.
  if (encoded.find('\0') != std::string_view::npos) return false;
  const std::string terminated(encoded);
  return argon2id_verify(terminated.c_str(), password.data(), password.size()) == ARGON2_OK;
}

const std::string& decoy_hash() {
  static const std::string hash = hash_password(random_bytes(kSaltBytes));
  return hash;
}

}  // namespace parley::server::admin
