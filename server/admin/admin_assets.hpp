// The admin UI's one script and one stylesheet (web/admin/, copied to <assets>/admin/ by
// scripts/build.sh), read once at startup and served from memory with their gzip.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "util/precompressed.hpp"

namespace parley::server::admin {

class AdminAssets {
 public:
  // Missing files are reported in `warnings`; their routes then answer 404.
  static AdminAssets load(const std::filesystem::path& dir, std::vector<std::string>& warnings);

  const Precompressed* script() const { return script_ ? &*script_ : nullptr; }
  const Precompressed* stylesheet() const { return stylesheet_ ? &*stylesheet_ : nullptr; }

 private:
  std::optional<Precompressed> script_;
  std::optional<Precompressed> stylesheet_;
};

}  // namespace parley::server::admin
