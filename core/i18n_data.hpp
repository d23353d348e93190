// The shipped catalogs as JSON text, generated at build time from i18n/*.json by
// core/CMakeLists.txt (so the data stays a readable file, reviewed as such).
#pragma once

#include <span>
#include <string_view>

namespace parley::i18n::data {

struct EmbeddedCatalog {
  std::string_view tag;   // "en", "zh-Hans": the file name without .json
  std::string_view json;  // the file's text
};

std::span<const EmbeddedCatalog> catalogs();

// The wire catalog's own members (i18n_wire.cpp writes them, i18n.cpp reads them): the
// language parleyd matched, and, in a catalog of another language, the English words of
// core's field errors, by which field_error() tells core's messages from a server's own
// (field_messages.hpp).
inline constexpr std::string_view kLangKey = "@lang";
inline constexpr std::string_view kEnglishKey = "@en";

}  // namespace parley::i18n::data
