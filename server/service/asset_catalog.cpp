#include "service/asset_catalog.hpp"

#include <fstream>
#include <sstream>

#include "core/i18n.hpp"
#include "util/gzip.hpp"
#include "util/text.hpp"

namespace parley::server {
namespace {

constexpr std::string_view kStylesheetFile = "parley.css";

// A source file, the placeholder the loader uses for its URL, and its content type.
struct HashedSource {
  std::string_view file;
  std::string_view placeholder;
  std::string_view content_type;
};

constexpr HashedSource kHashedSources[] = {
    {"parley-widget.js", "__PARLEY_WIDGET_JS__", "text/javascript; charset=utf-8"},
    {"parley-widget.wasm", "__PARLEY_WIDGET_WASM__", "application/wasm"},
    {kStylesheetFile, "__PARLEY_CSS__", "text/css; charset=utf-8"},
    // The proof of work (docs/spam.md): the worker and the solver it runs.
    {"pow-worker.js", "__PARLEY_POW_WORKER__", "text/javascript; charset=utf-8"},
    {"parley-pow.wasm", "__PARLEY_POW_WASM__", "application/wasm"},
};
constexpr std::string_view kLoaderFile = "parley.js";
constexpr std::string_view kCounterFile = "parley-count.js";
constexpr std::string_view kAssetPrefix = "/assets/";

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream body;
  body << in.rdbuf();
  return std::move(body).str();
}

// "parley-widget.wasm" + hash -> "parley-widget.<hash>.wasm"
std::string hashed_name(std::string_view file, std::string_view hash) {
  const std::size_t dot = file.rfind('.');
  return std::string(file.substr(0, dot)) + "." + std::string(hash) + std::string(file.substr(dot));
}

Asset make_asset(std::string body, std::string_view content_type) {
  Asset a;
  static_cast<Precompressed&>(a) = precompress(std::move(body), kGzipLevelBest);
  a.content_type = std::string(content_type);
  return a;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

}  // namespace

AssetCatalog AssetCatalog::load(const std::filesystem::path& dir,
                                std::vector<std::string>& warnings) {
  AssetCatalog catalog;
  // The catalogs come from the binary, not from `dir`: they are served even when the
  // widget files are missing, and always match the server's own rendering.
  for (const std::string_view tag : i18n::languages()) {
    catalog.catalogs_.emplace(
        tag, make_asset(i18n::wire_catalog(tag), "application/json; charset=utf-8"));
  }
  std::vector<std::pair<std::string_view, std::string>> substitutions;
  for (const HashedSource& src : kHashedSources) {
    std::optional<std::string> body = read_file(dir / src.file);
    if (!body) {
      warnings.push_back("assets: " + (dir / src.file).string() + " is missing");
      continue;
    }
    std::string name = hashed_name(src.file, content_hash(*body));
    substitutions.emplace_back(src.placeholder, std::string(kAssetPrefix) + name);
    if (src.file == kStylesheetFile) catalog.stylesheet_ = name;
    catalog.hashed_.emplace(std::move(name), make_asset(std::move(*body), src.content_type));
  }
  if (std::optional<std::string> counter = read_file(dir / kCounterFile)) {
    catalog.counter_ = make_asset(std::move(*counter), "text/javascript; charset=utf-8");
  } else {
    warnings.push_back("assets: " + (dir / kCounterFile).string() + " is missing");
  }
  std::optional<std::string> loader = read_file(dir / kLoaderFile);
  if (!loader) {
    warnings.push_back("assets: " + (dir / kLoaderFile).string() + " is missing");
    return catalog;
  }
  for (const auto& [placeholder, path] : substitutions) replace_all(*loader, placeholder, path);
  catalog.loader_ = make_asset(std::move(*loader), "text/javascript; charset=utf-8");
  return catalog;
}

const Asset* AssetCatalog::find(std::string_view name) const {
  const auto it = hashed_.find(name);
  return it == hashed_.end() ? nullptr : &it->second;
}

const Asset* AssetCatalog::catalog(std::string_view tag) const {
  const auto it = catalogs_.find(tag);
  return it == catalogs_.end() ? nullptr : &it->second;
}

std::vector<std::string> AssetCatalog::names() const {
  std::vector<std::string> out;
  for (const auto& [name, asset] : hashed_) out.push_back(name);
  return out;
}

}  // namespace parley::server
