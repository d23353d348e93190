#include "spam/form_token.hpp"

#include <charconv>

#include "auth/crypto.hpp"

namespace parley::server::spam {
namespace {

// Domain-separated from every other use of the secret (session tokens, digests).
std::string mac(std::string_view secret, std::string_view site, std::string_view seconds) {
  std::string input = "parley-form:";
  input += std::to_string(site.size());
  input += ':';
  input += site;
  input += ':';
  input += seconds;
  const std::string raw = auth::hmac_sha256(secret, input);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (const char c : raw) {
    const auto b = static_cast<unsigned char>(c);
    hex += kHex[b >> 4];
    hex += kHex[b & 0xf];
  }
  return hex;
}

}  // namespace

std::string form_token(std::string_view secret, std::string_view site, std::int64_t now) {
  const std::string seconds = std::to_string(now);
  return seconds + "." + mac(secret, site, seconds);
}

Verdict check_form_token(std::string_view secret, std::string_view site, std::string_view token,
                         std::int64_t now, int min_seconds) {
  const Verdict expired = Verdict::reject(
      "form_expired", "This form has expired. Please check your comment and send it again.");
  const std::size_t dot = token.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot > 19) return expired;
  const std::string_view seconds = token.substr(0, dot);
  std::int64_t rendered = 0;
  const auto [end, ec] = std::from_chars(seconds.data(), seconds.data() + seconds.size(), rendered);
  if (ec != std::errc() || end != seconds.data() + seconds.size()) return expired;
  if (!auth::constant_time_equal(token.substr(dot + 1), mac(secret, site, seconds))) {
    return expired;
  }
  if (rendered > now + kClockSkewSeconds) return expired;
  if (now - rendered < min_seconds) {
    return Verdict::reject("too_fast",
                           "You sent this form very quickly. Please wait a few seconds and "
                           "send it again.");
  }
  return {};
}

}  // namespace parley::server::spam
