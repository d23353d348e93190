// The widget's static files, loaded once at startup: content-hashed names, the loader
// with those names filled in, and gzip bodies precomputed so serving is a lookup.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/precompressed.hpp"

namespace parley::server {

struct Asset : Precompressed {
  std::string content_type;
};

class AssetCatalog {
 public:
  // Reads `dir` (parley.js, parley.css, parley-widget.js, parley-widget.wasm,
  // pow-worker.js, parley-pow.wasm). Missing
  // files are reported in `warnings` and their routes answer 404: the API still works.
  static AssetCatalog load(const std::filesystem::path& dir, std::vector<std::string>& warnings);
  AssetCatalog() = default;

  // GET /parley.js: the loader with the hashed asset paths substituted in.
  const Asset* loader() const { return loader_ ? &*loader_ : nullptr; }
  // GET /parley-count.js: the counts script of index pages.
  const Asset* counter() const { return counter_ ? &*counter_ : nullptr; }
  // GET /assets/<name>: `name` is the hashed file name ("parley.0123abcd.css").
  const Asset* find(std::string_view name) const;
  // GET /parley.css: the stylesheet under a stable name, for pages that show the
  // server-rendered thread without the loader (docs/seo-nojs.md).
  const Asset* stylesheet() const { return stylesheet_.empty() ? nullptr : find(stylesheet_); }
  // GET /api/i18n: the widget's catalog for a shipped language tag (core i18n's
  // wire_catalog, built once at startup); null for a tag parleyd does not ship.
  const Asset* catalog(std::string_view tag) const;
  // The hashed names, sorted (for the startup log).
  std::vector<std::string> names() const;

 private:
  std::optional<Asset> loader_;
  std::string stylesheet_;  // the stylesheet's hashed name, "" when missing
  std::optional<Asset> counter_;
  std::map<std::string, Asset, std::less<>> hashed_;
  std::map<std::string, Asset, std::less<>> catalogs_;  // by language tag
};

}  // namespace parley::server
