#include "markdown_entities.hpp"

#include <algorithm>
#include <array>

#include "markdown_chars.hpp"
#include "utf8.hpp"

namespace parley::markdown::detail {
namespace {

// CommonMark's bounds on numeric references (7 decimal or 6 hex digits reach every
// code point) and the longest name in the table below.
constexpr std::size_t kMaxDecimalDigits = 7;
constexpr std::size_t kMaxHexDigits = 6;
constexpr std::size_t kMaxNameLength = 8;
constexpr char32_t kReplacement = 0xFFFD;

struct Named {
  std::string_view name;
  char32_t code_point;
};

// Sorted by name for binary search. The full HTML table has 2,125 names; comments use
// these, and an unknown name simply stays visible as typed. The punctuation names
// (colon, Tab, NewLine, sol...) are here because they are how people try to smuggle
// "javascript:" past naive filters: decoding them lets the href check see it.
constexpr std::array<Named, 42> kNamed = {{
    {"NewLine", '\n'}, {"Tab", '\t'},     {"amp", '&'},     {"apos", '\''},     {"bull", 0x2022},
    {"cent", 0xA2},    {"colon", ':'},    {"copy", 0xA9},   {"deg", 0xB0},      {"divide", 0xF7},
    {"euro", 0x20AC},  {"excl", '!'},     {"gt", '>'},      {"hellip", 0x2026}, {"laquo", 0xAB},
    {"larr", 0x2190},  {"ldquo", 0x201C}, {"lpar", '('},    {"lsquo", 0x2018},  {"lt", '<'},
    {"mdash", 0x2014}, {"middot", 0xB7},  {"nbsp", 0xA0},   {"ndash", 0x2013},  {"num", '#'},
    {"para", 0xB6},    {"period", '.'},   {"plusmn", 0xB1}, {"pound", 0xA3},    {"quest", '?'},
    {"quot", '"'},     {"raquo", 0xBB},   {"rarr", 0x2192}, {"rdquo", 0x201D},  {"reg", 0xAE},
    {"rpar", ')'},     {"rsquo", 0x2019}, {"sect", 0xA7},   {"sol", '/'},       {"times", 0xD7},
    {"trade", 0x2122}, {"yen", 0xA5},
}};

Entity match_numeric(std::string_view s) {
  // s = "&#..."
  std::size_t i = 2;
  const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
  if (hex) ++i;
  const std::size_t digits_begin = i;
  const std::size_t max_digits = hex ? kMaxHexDigits : kMaxDecimalDigits;
  char32_t value = 0;
  while (i < s.size() && i - digits_begin < max_digits &&
         (hex ? is_hex_digit(s[i]) : is_ascii_digit(s[i]))) {
    const char c = s[i];
    const char32_t digit = is_ascii_digit(c) ? static_cast<char32_t>(c - '0')
                           : (c >= 'a')      ? static_cast<char32_t>(c - 'a' + 10)
                                             : static_cast<char32_t>(c - 'A' + 10);
    value = value * (hex ? 16 : 10) + digit;
    ++i;
  }
  if (i == digits_begin || i >= s.size() || s[i] != ';') return {};
  // NUL, surrogates and out-of-range values become U+FFFD, as in CommonMark.
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    value = kReplacement;
  }
  return {i + 1, value};
}

constexpr bool is_sorted_by_name() {
  for (std::size_t i = 1; i < kNamed.size(); ++i) {
    if (!(kNamed[i - 1].name < kNamed[i].name)) return false;
  }
  return true;
}
static_assert(is_sorted_by_name(), "kNamed must stay sorted for binary search");

}  // namespace

Entity match_entity(std::string_view s) {
  if (s.size() < 3 || s[0] != '&') return {};
  if (s[1] == '#') return match_numeric(s);
  std::size_t i = 1;
  while (i < s.size() && i <= kMaxNameLength && is_ascii_alnum(s[i])) ++i;
  if (i == 1 || i >= s.size() || s[i] != ';') return {};
  const std::string_view name = s.substr(1, i - 1);
  const auto it = std::lower_bound(kNamed.begin(), kNamed.end(), name,
                                   [](const Named& n, std::string_view v) { return n.name < v; });
  if (it == kNamed.end() || it->name != name) return {};
  return {i + 1, it->code_point};
}

void append_unescaped(std::string& out, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
      out.push_back(s[i + 1]);
      i += 2;
      continue;
    }
    if (c == '&') {
      const Entity e = match_entity(s.substr(i));
      if (e.length != 0) {
        utf8::append(out, e.code_point);
        i += e.length;
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
}

}  // namespace parley::markdown::detail
