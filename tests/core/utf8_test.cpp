#include <doctest/doctest.h>

#include <string>

#include "core/utf8.hpp"

namespace utf8 = parley::utf8;

TEST_CASE("utf8::valid accepts well-formed text in every plane") {
  CHECK(utf8::valid(""));
  CHECK(utf8::valid("ascii"));
  CHECK(utf8::valid("Grüße, Привет, مرحبا, 你好, 😀"));
  CHECK(utf8::valid("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST_CASE("utf8::valid rejects every malformed form") {
  CHECK_FALSE(utf8::valid("\x80"));              // lone continuation
  CHECK_FALSE(utf8::valid("\xC3"));              // truncated
  CHECK_FALSE(utf8::valid("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(utf8::valid("\xE0\x80\xAF"));      // overlong 3-byte
  CHECK_FALSE(utf8::valid("\xED\xA0\x80"));      // surrogate U+D800
  CHECK_FALSE(utf8::valid("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(utf8::valid("\xFF"));
  CHECK_FALSE(utf8::valid("ok\xE2\x82"));  // truncated at the end
}

TEST_CASE("utf8::length counts code points, decode/append round-trip") {
  CHECK(utf8::length("añ😀") == 3);
  const std::string s = "aé€😀";
  std::string back;
  for (std::size_t i = 0; i < s.size();) utf8::append(back, utf8::decode(s, i));
  CHECK(back == s);
  std::size_t i = 0;
  CHECK(utf8::decode("\xFFx", i) == 0xFFFD);
  CHECK(i == 1);
}
