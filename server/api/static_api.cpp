// GET /healthz, GET /parley.js, GET /parley.css, GET /parley-count.js, GET /api/i18n and
// GET /assets/<hashed name>.
#include "api/encoding.hpp"
#include "api/errors.hpp"
#include "api/handlers.hpp"
#include "core/i18n.hpp"
#include "server_limits.hpp"

namespace parley::server::handlers {
namespace {

constexpr std::string_view kAssetsPrefix = "/assets/";

Response serve(const Request& req, const Asset& asset, std::string cache_control) {
  Response res;
  res.set("Content-Type", asset.content_type);
  res.set("Cache-Control", std::move(cache_control));
  // Any origin may load the widget: the wasm is fetched cross-origin from host pages.
  res.set("Access-Control-Allow-Origin", "*");
  set_precompressed(req, res, asset);
  return res;
}

}  // namespace

Response health(const Request&, Context&) {
  return json_response(200, R"({"ok":true})");
}

Response loader(const Request& req, Context& ctx) {
  const Asset* asset = ctx.services.assets.loader();
  if (!asset) throw ApiError(ErrorCode::not_found, "The widget is not installed on this server.");
  return serve(req, *asset, "public, max-age=" + std::to_string(limits::kLoaderMaxAgeSeconds));
}

Response stylesheet(const Request& req, Context& ctx) {
  const Asset* asset = ctx.services.assets.stylesheet();
  if (!asset) throw ApiError(ErrorCode::not_found, "The widget is not installed on this server.");
  // Short-cached like the loader: pages link it by this stable name.
  return serve(req, *asset, "public, max-age=" + std::to_string(limits::kLoaderMaxAgeSeconds));
}

Response counter(const Request& req, Context& ctx) {
  const Asset* asset = ctx.services.assets.counter();
  if (!asset) throw ApiError(ErrorCode::not_found, "The counts script is not installed.");
  return serve(req, *asset, "public, max-age=" + std::to_string(limits::kLoaderMaxAgeSeconds));
}

Response catalog(const Request& req, Context& ctx) {
  // The best shipped match for the reader's language, English when none: a widget
  // always gets words to show.
  const std::string lang = i18n::Catalog::for_language(ctx.query.get("lang").value_or("en")).lang();
  const Asset* found = ctx.services.assets.catalog(lang);
  if (!found) throw ApiError(ErrorCode::not_found, "No message catalogs on this server.");
  // Short-cached like the loader: a new parleyd may ship new words under the same URL.
  return serve(req, *found, "public, max-age=" + std::to_string(limits::kLoaderMaxAgeSeconds));
}

Response asset(const Request& req, Context& ctx) {
  const std::string_view name = std::string_view(req.path).substr(kAssetsPrefix.size());
  const Asset* found = ctx.services.assets.find(name);
  if (!found) throw ApiError(ErrorCode::not_found, "No such asset.");
  return serve(
      req, *found,
      "public, max-age=" + std::to_string(limits::kImmutableMaxAgeSeconds) + ", immutable");
}

}  // namespace parley::server::handlers
