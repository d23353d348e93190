#include "spam/links.hpp"

#include <string>

#include "util/text.hpp"

namespace parley::server::spam {
namespace {

bool is_word_byte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

}  // namespace

std::size_t count_links(std::string_view text) {
  const std::string lower = to_lower(text);
  const std::string_view all(lower);
  std::size_t n = 0;
  std::size_t i = 0;
  while (i < all.size()) {
    const std::string_view rest = all.substr(i);
    const bool starts_word = i == 0 || !is_word_byte(all[i - 1]);
    std::size_t skip = rest.starts_with("http://") ? 7 : rest.starts_with("https://") ? 8 : 0;
    if (skip == 0 && starts_word && rest.starts_with("www.")) skip = 4;
    if (skip == 0) {
      ++i;
      continue;
    }
    ++n;
    if (skip > 4 && rest.substr(skip).starts_with("www.")) skip += 4;
    i += skip;
  }
  return n;
}

Verdict check_links(std::string_view text, int max_links) {
  if (max_links < 0) return {};
  const std::size_t n = count_links(text);
  if (n <= static_cast<std::size_t>(max_links)) return {};
  return Verdict::hold(std::to_string(n) + " links (more than " + std::to_string(max_links) + ")");
}

}  // namespace parley::server::spam
