// GET /api/counts: comment counts for the pages of an index page, in one request.
#include <nlohmann/json.hpp>

#include "api/errors.hpp"
#include "api/handlers.hpp"
#include "core/limits.hpp"
#include "core/validate.hpp"

namespace parley::server::handlers {

Response count_comments(const Request&, Context& ctx) {
  const std::vector<std::string> pages = ctx.query.all("page");
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
  const std::vector<std::size_t> counts = ctx.services.comments.counts(ctx.site->id, pages);
  nlohmann::json by_page = nlohmann::json::object();
  for (std::size_t i = 0; i < pages.size(); ++i) by_page[pages[i]] = counts[i];
  return json_response(200, nlohmann::json{{"counts", std::move(by_page)}}.dump());
}

}  // namespace parley::server::handlers
