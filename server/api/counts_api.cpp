// GET /api/counts: comment counts for the pages of an index page, in one request.
#include <nlohmann/json.hpp>

#include "api/errors.hpp"
#include "api/handlers.hpp"
#include "api/page_counts.hpp"
#include "core/i18n.hpp"

namespace parley::server::handlers {
namespace {

// The longest BCP 47 tag a browser sends is ~35 characters ("zh-Hans-CN-u-nu-hanidec").
constexpr std::size_t kMaxLangChars = 64;

}  // namespace

Response count_comments(const Request&, Context& ctx) {
  const std::vector<std::string> pages = count_pages(ctx);
  const std::vector<std::size_t> counts = ctx.services.comments.counts(ctx.site->id, pages);
  const auto lang = ctx.query.get("lang");
  if (!lang) return counts_response(pages, counts);
  if (lang->size() > kMaxLangChars) throw ApiError(ErrorCode::bad_request, "lang is too long.");
  // With ?lang= each count comes worded ("3 Comments") with the core catalogs and plural
  // rules, so the counts script (web/parley-count.js) only copies text into links.
  const i18n::Catalog catalog = i18n::Catalog::for_language(*lang);
  nlohmann::json by_page = nlohmann::json::object();
  nlohmann::json text = nlohmann::json::object();
  for (std::size_t i = 0; i < pages.size(); ++i) {
    by_page[pages[i]] = counts[i];
    text[pages[i]] = catalog.count("counts.comments", counts[i]);
  }
  const nlohmann::json body = {
      {"counts", std::move(by_page)}, {"text", std::move(text)}, {"lang", catalog.lang()}};
  return json_response(200, body.dump());
}

}  // namespace parley::server::handlers
