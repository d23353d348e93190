// UTF-8 checks used by validation and the Markdown renderer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace parley::utf8 {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool valid(std::string_view s);

// Number of code points in well-formed UTF-8.
std::size_t length(std::string_view s);

// Decodes the code point starting at s[i] and advances i; on malformed input
// returns U+FFFD and advances one byte. Callers only pass validated text, but the
// renderer must still never read out of bounds.
char32_t decode(std::string_view s, std::size_t& i);

void append(std::string& out, char32_t cp);

}  // namespace parley::utf8
