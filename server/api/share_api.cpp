// The share bar's endpoints (docs/api.md, "Share"): click counts (POST from the
// widget's beacon, GET for the owner) and NodeInfo lookups for fediverse buttons.
#include <nlohmann/json.hpp>

#include "api/errors.hpp"
#include "api/handlers.hpp"
#include "core/share.hpp"
#include "core/utf8.hpp"
#include "core/validate.hpp"
#include "fediverse/nodeinfo.hpp"
#include "util/text.hpp"

namespace parley::server::handlers {
namespace {

[[noreturn]] void bad_field(const char* field, const char* code, const char* message) {
  throw ApiError(FieldErrors{{field, code, message}});
}

std::string valid_page(std::optional<std::string_view> page) {
  if (!page || page->empty()) bad_field("page", "required", "page is required.");
  if (!is_valid_page_key(*page)) bad_field("page", "invalid", "page is not a valid page key.");
  return std::string(*page);
}

// A click names a page and a share target: {"page": "/post/", "target": "bluesky"}.
struct Click {
  std::string page;
  std::string target;
};

Click parse_click(const Request& req) {
  // navigator.sendBeacon sends a string as text/plain (no CORS preflight); a JSON
  // content type is accepted too, for other clients.
  const std::string_view type = req.header("Content-Type");
  if (!starts_with_icase(type, "text/plain") && !starts_with_icase(type, "application/json")) {
    throw ApiError(ErrorCode::unsupported_media_type, "Send the click as JSON text.");
  }
  if (!utf8::valid(req.body)) {
    throw ApiError(ErrorCode::bad_utf8, "The request body is not valid UTF-8.");
  }
  const auto j = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object())
    throw ApiError(ErrorCode::bad_json, "The request body must be a JSON object.");
  const auto page = j.find("page");
  const auto target = j.find("target");
  Click click;
  click.page = valid_page(page != j.end() && page->is_string()
                              ? std::optional<std::string_view>(page->get_ref<const std::string&>())
                              : std::nullopt);
  if (target == j.end() || !target->is_string() ||
      !share::target_from_id(target->get_ref<const std::string&>())) {
    bad_field("target", "invalid", "target must be a share target id such as \"bluesky\".");
  }
  click.target = target->get<std::string>();
  return click;
}

ShareClickService& click_service(Context& ctx) {
  if (!ctx.services.share_clicks) {
    throw ApiError(ErrorCode::unavailable, "Share counts are not available on this server.");
  }
  return *ctx.services.share_clicks;
}

}  // namespace

Response share_click(const Request& req, Context& ctx) {
  const Click click = parse_click(req);
  const int wait = click_service(ctx).record(ctx.site->id, click.page, click.target, req.client_ip,
                                             ctx.mono_now);
  if (wait > 0) {
    throw ApiError(ErrorCode::rate_limited, "Too many share clicks. Please wait a moment.",
                   {{"Retry-After", std::to_string(wait)}});
  }
  Response r;
  r.status = 204;
  return r;
}

Response list_share_clicks(const Request&, Context& ctx) {
  const std::string page = valid_page(ctx.query.get("page"));
  nlohmann::json clicks = nlohmann::json::object();
  std::int64_t total = 0;
  for (const ShareClicks& c : click_service(ctx).clicks(ctx.site->id, page)) {
    clicks[c.target] = c.clicks;
    total += c.clicks;
  }
  return json_response(200,
                       nlohmann::json{{"page", page}, {"clicks", clicks}, {"total", total}}.dump());
}

Response nodeinfo(const Request& req, Context& ctx) {
  const std::string host = share::normalize_instance(ctx.query.get("host").value_or(""));
  if (host.empty()) bad_field("host", "required", "host is required.");
  if (!share::is_valid_instance(host)) {
    bad_field("host", "invalid", "host must be a server name such as mastodon.social.");
  }
  if (!ctx.services.nodeinfo || !ctx.services.nodeinfo_limiter) {
    throw ApiError(ErrorCode::unavailable, "NodeInfo lookups are not available on this server.");
  }
  if (const int wait = ctx.services.nodeinfo_limiter->take(req.client_ip, ctx.mono_now); wait > 0) {
    throw ApiError(ErrorCode::rate_limited, "Too many server lookups. Please wait a moment.",
                   {{"Retry-After", std::to_string(wait)}});
  }
  // The lookup waits for another server: it runs on a worker thread (the transport's
  // deferred work), so comments keep flowing meanwhile.
  Response res;
  res.deferred = std::make_shared<const Deferred>(Deferred{[&resolver = *ctx.services.nodeinfo,
                                                            host, now = ctx.mono_now] {
    const fediverse::Lookup found = resolver.resolve(host, now);
    if (found.outcome == fediverse::Outcome::not_public) {
      bad_field("host", "not_public", "host must be a server on the public internet.");
    }
    if (found.outcome == fediverse::Outcome::not_found) {
      throw ApiError(ErrorCode::not_found, "No fediverse server answered at " + host + ".");
    }
    return json_response(200, nlohmann::json{{"host", host}, {"software", found.software}}.dump());
  }});
  return res;
}

}  // namespace parley::server::handlers
