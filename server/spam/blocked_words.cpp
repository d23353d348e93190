#include "spam/blocked_words.hpp"

#include "core/utf8.hpp"

namespace parley::server::spam {
namespace {

char32_t fold(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  // À-Þ except the multiplication sign ×.
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  // Latin Extended-A alternates capital/small in pairs, with the İ..ı and Ĺ..ň, Ź..ž
  // stretches starting on odd code points.
  if (cp >= 0x100 && cp <= 0x137 && cp % 2 == 0) return cp + 1;
  if (cp >= 0x139 && cp <= 0x148 && cp % 2 == 1) return cp + 1;
  if (cp >= 0x14A && cp <= 0x177 && cp % 2 == 0) return cp + 1;
  if (cp >= 0x179 && cp <= 0x17E && cp % 2 == 1) return cp + 1;
  return cp;
}

bool is_word_byte(char c) {
  const auto b = static_cast<unsigned char>(c);
  return b >= 0x80 || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || c == '_';
}

}  // namespace

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    utf8::append(out, fold(utf8::decode(text, i)));
  }
  return out;
}

bool contains_word(std::string_view folded, std::string_view word) {
  if (word.empty()) return false;
  for (std::size_t at = folded.find(word); at != std::string_view::npos;
       at = folded.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    const bool starts = at == 0 || !is_word_byte(folded[at - 1]) || !is_word_byte(word.front());
    const bool ends =
        end == folded.size() || !is_word_byte(folded[end]) || !is_word_byte(word.back());
    if (starts && ends) return true;
  }
  return false;
}

BlockedWords::BlockedWords(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    std::string folded = fold_case(w);
    if (!folded.empty()) words_.push_back(std::move(folded));
  }
}

Verdict BlockedWords::check(const std::vector<std::string_view>& fields) const {
  if (words_.empty()) return {};
  std::vector<std::string> folded;
  folded.reserve(fields.size());
  for (const std::string_view f : fields) folded.push_back(fold_case(f));
  for (const std::string& word : words_) {
    for (const std::string& f : folded) {
      if (contains_word(f, word)) return Verdict::hold("blocked word \"" + word + "\"");
    }
  }
  return {};
}

}  // namespace parley::server::spam
