// HTML character references in Markdown text ("&amp;", "&#38;", "&#x26;").
//
// Numeric references and the named ones people actually type are decoded; any other
// "&name;" stays literal text (and is then escaped, so it shows as typed). Decoding
// happens before link destinations are checked, so "javascript&#58;" is seen as the
// "javascript:" a browser would see.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace parley::markdown::detail {

struct Entity {
  std::size_t length = 0;  // bytes of source consumed, 0 when `s` starts no entity
  char32_t code_point = 0;
};

// `s` starts at the '&'.
Entity match_entity(std::string_view s);

// Appends `s` with backslash escapes and entities resolved: how CommonMark treats
// link destinations, titles and info strings.
void append_unescaped(std::string& out, std::string_view s);

}  // namespace parley::markdown::detail
