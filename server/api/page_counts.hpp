// The shared shape of "counts for the pages of an index page" endpoints (comments,
// likes): the same bounded, validated page list in, {"counts": {page: n}} out.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "api/handlers.hpp"

namespace parley::server::handlers {

// The `page` query parameters: 1 to limits::kMaxCountPages valid page keys, else a
// 400 ApiError saying which rule failed.
std::vector<std::string> count_pages(const Context& ctx);

// counts[i] belongs to pages[i].
Response counts_response(const std::vector<std::string>& pages,
                         const std::vector<std::size_t>& counts);

}  // namespace parley::server::handlers
