#include "service/moderation.hpp"

#include <openssl/evp.h>

#include <algorithm>

#include "util/text.hpp"

namespace parley::server {

namespace {

// Hex digits of a digest kept: 128 bits, far past collisions among a site's authors.
constexpr std::size_t kDigestHexDigits = 32;

// SHA-256 over salt, kind and value, each prefixed with its length.
std::string digest(std::string_view salt, std::string_view kind, std::string_view value) {
  std::string input;
  for (const std::string_view part : {salt, kind, value}) {
    input += std::to_string(part.size());
    input += ':';
    input += part;
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(input.data(), input.size(), md, &n, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < n && out.size() < kDigestHexDigits; ++i) {
    out += kHex[md[i] >> 4];
    out += kHex[md[i] & 0xf];
  }
  return out;
}

}  // namespace

bool is_moderation_mode(std::string_view mode) {
  return std::find(std::begin(kModerationModes), std::end(kModerationModes), mode) !=
         std::end(kModerationModes);
}

std::string Moderation::mode(std::string_view site) {
  if (std::optional<std::string> chosen = store_.mode(site);
      chosen && is_moderation_mode(*chosen)) {
    return *chosen;
  }
  const Site* s = sites_.find(site);
  return s ? s->moderation : std::string(kModerationModes[0]);
}

AuthorKeys Moderation::keys(std::string identity, std::string_view email,
                            std::string_view ip) const {
  const std::string mail = to_lower(trim(email));
  return {std::move(identity), mail.empty() ? "" : digest(salt_, "email", mail),
          ip.empty() ? "" : digest(salt_, "ip", ip)};
}

Admission Moderation::admit(std::string_view site, std::string_view page,
                            const AuthorKeys& author) {
  Admission a;
  if (store_.banned(site, author)) {
    a.refused_code = "banned";
    a.refused = "You cannot comment on this site.";
    return a;
  }
  if (store_.closed(site, page)) {
    a.refused_code = "closed";
    a.refused = "Comments are closed.";
    return a;
  }
  const std::string m = mode(site);
  if (m == "all") {
    a.status = "pending";
    a.reason = kHeldAll;
  } else if (m == "first" && !store_.known_author(site, author)) {
    a.status = "pending";
    a.reason = kHeldFirst;
  }
  return a;
}

}  // namespace parley::server
