#include "api/page_counts.hpp"

#include <nlohmann/json.hpp>

#include "api/errors.hpp"
#include "core/limits.hpp"
#include "core/validate.hpp"

namespace parley::server::handlers {

std::vector<std::string> count_pages(const Context& ctx) {
  std::vector<std::string> pages = ctx.query.all("page");
  if (pages.empty()) throw ApiError(ErrorCode::bad_request, "At least one page is required.");
  if (pages.size() > parley::limits::kMaxCountPages) {
    throw ApiError(
        ErrorCode::bad_request,
        "Ask for at most " + std::to_string(parley::limits::kMaxCountPages) + " pages at once.");
  }
  for (const std::string& page : pages) {
    if (!is_valid_page_key(page)) {
      throw ApiError(ErrorCode::bad_request, "page is not a valid page key.");
    }
  }
  return pages;
}

Response counts_response(const std::vector<std::string>& pages,
                         const std::vector<std::size_t>& counts) {
  nlohmann::json by_page = nlohmann::json::object();
  for (std::size_t i = 0; i < pages.size(); ++i) by_page[pages[i]] = counts[i];
  return json_response(200, nlohmann::json{{"counts", std::move(by_page)}}.dump());
}

}  // namespace parley::server::handlers
