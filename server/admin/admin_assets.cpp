#include "admin/admin_assets.hpp"

#include <fstream>
#include <sstream>

#include "util/gzip.hpp"

namespace parley::server::admin {
namespace {

std::optional<Precompressed> read(const std::filesystem::path& path,
                                  std::vector<std::string>& warnings) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    warnings.push_back("the admin UI file " + path.string() + " is missing");
    return std::nullopt;
  }
  std::ostringstream body;
  body << in.rdbuf();
  return precompress(std::move(body).str(), kGzipLevelBest);
}

}  // namespace

AdminAssets AdminAssets::load(const std::filesystem::path& dir,
                              std::vector<std::string>& warnings) {
  AdminAssets a;
  a.script_ = read(dir / "admin" / "admin.js", warnings);
  a.stylesheet_ = read(dir / "admin" / "admin.css", warnings);
  return a;
}

}  // namespace parley::server::admin
