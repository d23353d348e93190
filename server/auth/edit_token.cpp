#include "auth/edit_token.hpp"

#include <charconv>

#include "auth/crypto.hpp"

namespace parley::server::auth {
namespace {

std::string signed_part(std::int64_t comment, std::int64_t expires) {
  return std::to_string(comment) + '.' + std::to_string(expires);
}

std::string mac(std::string_view site, std::string_view part, std::string_view secret) {
  std::string input = "parley-edit\n";
  input += site;
  input += '\n';
  input += part;
  return base64url_encode(hmac_sha256(secret, input));
}

bool parse_int(std::string_view text, std::int64_t& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

std::string sign_edit_token(std::string_view site, std::int64_t comment, std::int64_t expires,
                            std::string_view secret) {
  std::string token = signed_part(comment, expires);
  token += '.';
  token += mac(site, signed_part(comment, expires), secret);
  return token;
}

EditTokenProblem check_edit_token(std::string_view token, std::string_view site,
                                  std::int64_t comment, std::int64_t now, std::string_view secret) {
  if (token.size() > kMaxEditTokenChars) return EditTokenProblem::invalid;
  const std::size_t first = token.find('.');
  const std::size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos) return EditTokenProblem::invalid;
  const std::string_view part = token.substr(0, second);
  // The MAC first: nothing unauthenticated decides anything.
  if (!constant_time_equal(mac(site, part, secret), token.substr(second + 1))) {
    return EditTokenProblem::invalid;
  }
  std::int64_t id = 0;
  std::int64_t expires = 0;
  if (!parse_int(part.substr(0, first), id) || !parse_int(part.substr(first + 1), expires) ||
      id != comment) {
    return EditTokenProblem::invalid;
  }
  return now < expires ? EditTokenProblem::none : EditTokenProblem::expired;
}

}  // namespace parley::server::auth
