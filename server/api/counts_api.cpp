// GET /api/counts: comment counts for the pages of an index page, in one request.
#include "api/handlers.hpp"
#include "api/page_counts.hpp"

namespace parley::server::handlers {

Response count_comments(const Request&, Context& ctx) {
  const std::vector<std::string> pages = count_pages(ctx);
  return counts_response(pages, ctx.services.comments.counts(ctx.site->id, pages));
}

}  // namespace parley::server::handlers
