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

}  // namespace parley::i18n::data
