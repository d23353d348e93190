#include <charconv>

#include "store/store.hpp"

namespace parley::server {
namespace {

constexpr std::string_view kPrefix = "parley:";

bool parse_int(std::string_view text, std::int64_t& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size() && !text.empty();
}

}  // namespace

std::string posted_key(std::string_view site, std::int64_t id, std::int64_t created) {
  return std::string(kPrefix) + std::string(site) + ":" + std::to_string(id) + "@" +
         std::to_string(created);
}

std::optional<PostedKey> parse_posted_key(std::string_view site, std::string_view source) {
  if (!source.starts_with(kPrefix)) return std::nullopt;
  source.remove_prefix(kPrefix.size());
  if (!source.starts_with(site) || source.size() <= site.size() + 1 || source[site.size()] != ':') {
    return std::nullopt;
  }
  source.remove_prefix(site.size() + 1);
  const std::size_t at = source.find('@');
  if (at == std::string_view::npos) return std::nullopt;
  PostedKey key;
  if (!parse_int(source.substr(0, at), key.id) || !parse_int(source.substr(at + 1), key.created) ||
      key.id <= 0) {
    return std::nullopt;
  }
  return key;
}

}  // namespace parley::server
