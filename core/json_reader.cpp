#include "json_reader.hpp"

#include <algorithm>
#include <limits>

#include "utf8.hpp"

namespace parley {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// 2^1024 - 2^970, from which on a number rounds to infinity as a double (half-way up to
// the next power of two past DBL_MAX, ties to even). nlohmann reads every number that
// is not a 64-bit integer with strtod and refuses the whole text when it overflows.
constexpr std::string_view kOverflow =
    "1797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775"
    "8720709633028641669288791094655554785194040263065748867150582068190890200070838367627385484581"
    "7711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699"
    "508093042880177904174497792";

// Whether the number `token` (well-formed) reaches kOverflow in magnitude, worked out
// from its digits: strtod would bring long-double arithmetic into the wasm.
bool overflows(std::string_view token) {
  std::string digits;  // significant digits, the point `point` places after the first
  std::int64_t point = 0;
  std::size_t i = token[0] == '-' ? 1 : 0;
  for (bool fraction = false; i < token.size() && (is_digit(token[i]) || token[i] == '.'); ++i) {
    if (token[i] == '.') {
      fraction = true;
    } else if (!digits.empty() || token[i] != '0') {
      digits.push_back(token[i]);
      if (!fraction) ++point;
    } else if (fraction) {
      --point;  // a zero between the point and the first significant digit
    }
  }
  if (digits.empty()) return false;  // zero
  if (i < token.size()) {            // the exponent
    const bool down = token[++i] == '-';
    if (token[i] == '+' || token[i] == '-') ++i;
    std::int64_t exponent = 0;
    for (; i < token.size(); ++i)
      exponent = std::min<std::int64_t>(exponent * 10 + (token[i] - '0'), 1000000);
    point += down ? -exponent : exponent;
  }
  const auto places = static_cast<std::int64_t>(kOverflow.size());
  if (point != places) return point > places;
  for (std::size_t k = 0; k < std::max(digits.size(), kOverflow.size()); ++k) {
    const char a = k < digits.size() ? digits[k] : '0';
    const char b = k < kOverflow.size() ? kOverflow[k] : '0';
    if (a != b) return a > b;
  }
  return true;
}

}  // namespace

bool JsonReader::fail() {
  failed_ = true;
  return false;
}

void JsonReader::space() {
  while (i_ < s_.size()) {
    const char c = s_[i_];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
    ++i_;
  }
}

JsonReader::Kind JsonReader::peek() {
  if (failed_) return Kind::invalid;
  space();
  if (i_ >= s_.size()) return Kind::invalid;
  switch (s_[i_]) {
    case '{':
      return Kind::object;
    case '[':
      return Kind::array;
    case '"':
      return Kind::string;
    case 't':
    case 'f':
      return Kind::boolean;
    case 'n':
      return Kind::null;
    default:
      return s_[i_] == '-' || is_digit(s_[i_]) ? Kind::number : Kind::invalid;
  }
}

bool JsonReader::begin_object() {
  if (peek() != Kind::object) return false;
  ++i_;
  return true;
}

bool JsonReader::next_member(bool& first, std::string& name) {
  if (failed_) return false;
  space();
  if (i_ < s_.size() && s_[i_] == '}') {
    ++i_;
    return false;
  }
  if (!first) {
    if (i_ >= s_.size() || s_[i_] != ',') return fail();
    ++i_;
    space();
  }
  first = false;
  if (i_ >= s_.size() || s_[i_] != '"') return fail();
  name.clear();
  if (!string_into(&name)) return false;
  space();
  if (i_ >= s_.size() || s_[i_] != ':') return fail();
  ++i_;
  return true;
}

bool JsonReader::begin_array() {
  if (peek() != Kind::array) return false;
  ++i_;
  return true;
}

bool JsonReader::next_item(bool& first) {
  if (failed_) return false;
  space();
  if (i_ < s_.size() && s_[i_] == ']') {
    ++i_;
    return false;
  }
  if (!first) {
    if (i_ >= s_.size() || s_[i_] != ',') return fail();
    ++i_;
  }
  first = false;
  return true;
}

bool JsonReader::read_string(std::string& out) {
  if (peek() != Kind::string) return false;
  out.clear();
  return string_into(&out);
}

bool JsonReader::hex4(std::uint32_t& out) {
  if (s_.size() - i_ < 4) return fail();
  out = 0;
  for (int k = 0; k < 4; ++k) {
    const char c = s_[i_++];
    out <<= 4;
    if (is_digit(c))
      out |= static_cast<std::uint32_t>(c - '0');
    else if (c >= 'a' && c <= 'f')
      out |= static_cast<std::uint32_t>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      out |= static_cast<std::uint32_t>(c - 'A' + 10);
    else
      return fail();
  }
  return true;
}

// At the opening quote. Runs of plain bytes are checked as UTF-8 and copied at once; a
// run ends only at an ASCII byte, so no well-formed sequence is ever cut in two.
bool JsonReader::string_into(std::string* out) {
  ++i_;
  for (;;) {
    const std::size_t run = i_;
    while (i_ < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"' || c == '\\' || c < 0x20) break;
      ++i_;
    }
    const std::string_view plain = s_.substr(run, i_ - run);
    if (!utf8::valid(plain)) return fail();
    if (out) out->append(plain);
    if (i_ >= s_.size() || static_cast<unsigned char>(s_[i_]) < 0x20) return fail();
    if (s_[i_++] == '"') return true;
    if (i_ >= s_.size()) return fail();
    const char e = s_[i_++];
    char32_t cp = 0;
    switch (e) {
      case '"':
      case '\\':
      case '/':
        cp = static_cast<char32_t>(e);
        break;
      case 'b':
        cp = '\b';
        break;
      case 'f':
        cp = '\f';
        break;
      case 'n':
        cp = '\n';
        break;
      case 'r':
        cp = '\r';
        break;
      case 't':
        cp = '\t';
        break;
      case 'u': {
        std::uint32_t u = 0;
        if (!hex4(u)) return false;
        if (u >= 0xDC00 && u <= 0xDFFF) return fail();  // a low surrogate alone
        if (u >= 0xD800 && u <= 0xDBFF) {
          std::uint32_t low = 0;
          if (s_.size() - i_ < 2 || s_[i_] != '\\' || s_[i_ + 1] != 'u') return fail();
          i_ += 2;
          if (!hex4(low)) return false;
          if (low < 0xDC00 || low > 0xDFFF) return fail();
          u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
        }
        cp = static_cast<char32_t>(u);
        break;
      }
      default:
        return fail();
    }
    if (out) utf8::append(*out, cp);
  }
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool JsonReader::number(bool& integer) {
  integer = true;
  const std::size_t start = i_;
  if (s_[i_] == '-') ++i_;
  if (i_ >= s_.size() || !is_digit(s_[i_])) return fail();
  if (s_[i_] == '0') {
    ++i_;
  } else {
    while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
  }
  if (i_ < s_.size() && s_[i_] == '.') {
    integer = false;
    ++i_;
    if (i_ >= s_.size() || !is_digit(s_[i_])) return fail();
    while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
  }
  if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
    integer = false;
    ++i_;
    if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
    if (i_ >= s_.size() || !is_digit(s_[i_])) return fail();
    while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
  }
  // Only a number with an exponent, or of more digits than kOverflow, can reach it.
  const std::string_view token = s_.substr(start, i_ - start);
  if ((!integer || token.size() >= kOverflow.size()) && overflows(token)) return fail();
  return true;
}

bool JsonReader::read_int(std::int64_t& out) {
  if (peek() != Kind::number) return false;
  const std::size_t start = i_;
  bool integer = false;
  if (!number(integer) || !integer) return false;
  if (s_[start] == '-') {
    // Accumulated as a negative number: its range holds INT64_MIN.
    constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
    std::int64_t v = 0;
    for (std::size_t k = start + 1; k < i_; ++k) {
      const int d = s_[k] - '0';
      if (v < (kMin + d) / 10) return false;  // beyond int64_t: a float to nlohmann
      v = v * 10 - d;
    }
    out = v;
    return true;
  }
  // As nlohmann reads it: any integer up to UINT64_MAX, taken as int64_t bits (the
  // widget's readers were written against that, and the tests compare the two).
  std::uint64_t u = 0;
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  for (std::size_t k = start; k < i_; ++k) {
    const auto d = static_cast<std::uint64_t>(s_[k] - '0');
    if (u > (kMax - d) / 10) return false;
    u = u * 10 + d;
  }
  out = static_cast<std::int64_t>(u);
  return true;
}

bool JsonReader::literal(std::string_view word) {
  if (s_.substr(i_, word.size()) != word) return fail();
  i_ += word.size();
  return true;
}

bool JsonReader::read_bool(bool& out) {
  if (peek() != Kind::boolean) return false;
  out = s_[i_] == 't';
  return literal(out ? "true" : "false");
}

bool JsonReader::read_null() {
  if (peek() != Kind::null) return false;
  return literal("null");
}

bool JsonReader::skip() {
  open_.clear();
  for (;;) {
    // One value: a scalar, or the start of a container (whose first key is read too).
    bool integer = false;
    switch (peek()) {
      case Kind::object:
        ++i_;
        space();
        if (i_ < s_.size() && s_[i_] == '}') {
          ++i_;
          break;
        }
        open_.push_back('{');
        if (i_ >= s_.size() || s_[i_] != '"' || !string_into(nullptr)) return fail();
        space();
        if (i_ >= s_.size() || s_[i_] != ':') return fail();
        ++i_;
        continue;
      case Kind::array:
        ++i_;
        space();
        if (i_ < s_.size() && s_[i_] == ']') {
          ++i_;
          break;
        }
        open_.push_back('[');
        continue;
      case Kind::string:
        if (!string_into(nullptr)) return false;
        break;
      case Kind::number:
        if (!number(integer)) return false;
        break;
      case Kind::boolean:
        if (!literal(s_[i_] == 't' ? "true" : "false")) return false;
        break;
      case Kind::null:
        if (!literal("null")) return false;
        break;
      case Kind::invalid:
        return fail();
    }
    // After a value: close what ends here, or go on to the next member or item.
    for (;;) {
      if (open_.empty()) return true;
      space();
      if (i_ >= s_.size()) return fail();
      const char c = s_[i_++];
      const char open = open_.back();
      if ((c == '}' && open == '{') || (c == ']' && open == '[')) {
        open_.pop_back();
        continue;
      }
      if (c != ',') return fail();
      if (open == '{') {
        space();
        if (i_ >= s_.size() || s_[i_] != '"' || !string_into(nullptr)) return fail();
        space();
        if (i_ >= s_.size() || s_[i_] != ':') return fail();
        ++i_;
      }
      break;
    }
  }
}

bool JsonReader::raw(std::string_view& out) {
  if (peek() == Kind::invalid) return fail();
  const std::size_t start = i_;
  if (!skip()) return false;
  out = s_.substr(start, i_ - start);
  return true;
}

bool JsonReader::read_number(std::string_view& token) {
  if (peek() != Kind::number) return false;
  const std::size_t start = i_;
  bool integer = false;
  if (!number(integer)) return false;
  token = s_.substr(start, i_ - start);
  return true;
}

bool JsonReader::done() {
  if (failed_) return false;
  space();
  // As nlohmann's lexer, which takes a NUL byte for the end of the input: whatever
  // follows one after the value is not read.
  return i_ == s_.size() || s_[i_] == '\0';
}

}  // namespace parley
