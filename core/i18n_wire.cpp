// wire_catalog: what parleyd serves at GET /api/i18n. Only parleyd calls it, so it keeps
// nlohmann (merging and re-serialising whole catalogs is what nlohmann is good at) in a
// file of its own, away from i18n.cpp, which the widget's wasm links and which reads
// catalogs with JsonObject instead.
#include <nlohmann/json.hpp>

#include "i18n.hpp"
#include "i18n_data.hpp"

namespace parley::i18n {

namespace {

using nlohmann::json;

constexpr std::string_view kErrorPrefix = "error.";

}  // namespace

std::string wire_catalog(std::string_view tag) {
  const std::span<const data::EmbeddedCatalog> s = data::catalogs();
  const std::string lang = Catalog::for_language(tag).lang();
  json merged = json::object();
  for (const std::string& wanted : {std::string("en"), lang}) {
    for (const data::EmbeddedCatalog& c : s) {
      if (c.tag != wanted) continue;
      const json parsed = json::parse(c.json, nullptr, /*allow_exceptions=*/false);
      if (parsed.is_object()) merged.update(parsed);
    }
  }
  if (merged.empty()) return "";
  merged[std::string(data::kLangKey)] = lang;
  if (lang != "en") {
    json english = json::object();
    for (const data::EmbeddedCatalog& c : s) {
      if (c.tag != "en") continue;
      const json parsed = json::parse(c.json, nullptr, /*allow_exceptions=*/false);
      for (const auto& [key, value] : parsed.items()) {
        if (key.starts_with(kErrorPrefix)) english[key] = value;
      }
    }
    merged[std::string(data::kEnglishKey)] = std::move(english);
  }
  return merged.dump();
}

}  // namespace parley::i18n
