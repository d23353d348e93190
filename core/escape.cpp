#include "escape.hpp"

#include <array>
#include <cstdint>

namespace parley {
namespace {

// One entry per byte: nullptr means "copy through". Quotes are escaped too so the
// same output is safe in element text and in quoted attribute values.
constexpr std::array<const char*, 256> make_html_table() {
  std::array<const char*, 256> t{};
  t['&'] = "&amp;";
  t['<'] = "&lt;";
  t['>'] = "&gt;";
  t['"'] = "&quot;";
  t['\''] = "&#39;";
  return t;
}
constexpr auto kHtmlTable = make_html_table();

// Bytes an href may carry raw: RFC 3986 unreserved + reserved, plus '%' (existing
// escapes are kept, as CommonMark reference renderers do).
constexpr std::array<bool, 256> make_url_safe_table() {
  std::array<bool, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (char c : std::string_view("-._~:/?#[]@!$&'()*+,;=%"))
    t[static_cast<unsigned char>(c)] = true;
  return t;
}
constexpr auto kUrlSafe = make_url_safe_table();

}  // namespace

void append_escaped(std::string& out, std::string_view text) {
  std::size_t run = 0;  // start of the pending run of bytes that copy through
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* entity = kHtmlTable[static_cast<unsigned char>(text[i])];
    if (entity == nullptr) continue;
    out.append(text.data() + run, i - run);
    out.append(entity);
    run = i + 1;
  }
  out.append(text.data() + run, text.size() - run);
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_escaped(out, text);
  return out;
}

void append_url_encoded(std::string& out, std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : url) {
    const auto b = static_cast<unsigned char>(ch);
    if (kUrlSafe[b]) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xF]);
    }
  }
}

std::string query_encode(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size());
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    if (unreserved) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

}  // namespace parley
