// Character classes shared by the Markdown block and inline parsers.
//
// CommonMark defines its rules over ASCII plus two Unicode classes (whitespace and
// punctuation) that only matter for emphasis flanking. The ASCII tests are plain
// comparisons so the hot loops inline them; the Unicode ones cover the ranges that
// occur in real text instead of carrying a full category table.
#pragma once

#include <cstdint>
#include <string_view>

namespace parley::markdown::detail {

constexpr bool is_space_or_tab(char c) {
  return c == ' ' || c == '\t';
}
constexpr bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
constexpr bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_ascii_alnum(char c) {
  return is_ascii_alpha(c) || is_ascii_digit(c);
}
constexpr bool is_hex_digit(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
constexpr char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// The characters a backslash can escape (CommonMark "ASCII punctuation").
constexpr bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

constexpr bool is_unicode_whitespace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

// ASCII punctuation plus the Latin-1, General Punctuation, CJK and full-width symbol
// blocks: enough for quotes, dashes and ellipses next to emphasis in any language.
constexpr bool is_unicode_punct(char32_t cp) {
  if (cp < 0x80) return is_ascii_punct(static_cast<char>(cp));
  return (cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xB2 && cp != 0xB3 && cp != 0xB5 &&
          cp != 0xB9 && cp != 0xBA && cp != 0xBC && cp != 0xBD && cp != 0xBE) ||
         cp == 0xD7 || cp == 0xF7 || (cp >= 0x2010 && cp <= 0x2027) ||
         (cp >= 0x2030 && cp <= 0x205E) || (cp >= 0x2190 && cp <= 0x23FF) ||
         (cp >= 0x3001 && cp <= 0x3003) || (cp >= 0x3008 && cp <= 0x3011) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20);
}

// Case-insensitive ASCII prefix test; `lower_prefix` must be lower case.
constexpr bool starts_with_nocase(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
    if (ascii_lower(s[i]) != lower_prefix[i]) return false;
  }
  return true;
}

}  // namespace parley::markdown::detail
