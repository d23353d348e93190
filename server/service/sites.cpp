#include "service/sites.hpp"

#include <algorithm>

namespace parley::server {

const Site* Sites::find(std::string_view id) const {
  const auto it =
      std::find_if(sites_.begin(), sites_.end(), [&](const Site& s) { return s.id == id; });
  return it == sites_.end() ? nullptr : &*it;
}

bool origin_allowed(const Site& site, std::string_view origin) {
  return std::find(site.origins.begin(), site.origins.end(), origin) != site.origins.end();
}

}  // namespace parley::server
