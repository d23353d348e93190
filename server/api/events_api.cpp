// GET /api/events?site&page: the page's live updates as Server-Sent Events. The handler
// decides everything (page, capacity, resume point) and returns the response head with
// a StreamOpen; the transport then hands the socket to a live::SseStream.
#include <charconv>
#include <memory>

#include "api/errors.hpp"
#include "api/handlers.hpp"
#include "core/validate.hpp"
#include "live/live_limits.hpp"
#include "live/stream_open.hpp"

namespace parley::server::handlers {
namespace {

// Ids are decimal integers (live::EventHub); anything else reads as "no resume point".
std::uint64_t event_id(std::string_view text) {
  std::uint64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  return ec == std::errc() && end == text.data() + text.size() ? id : 0;
}

}  // namespace

Response events(const Request& req, Context& ctx) {
  const auto page = ctx.query.get("page");
  if (!page || page->empty()) throw ApiError(ErrorCode::bad_request, "page is required.");
  if (!is_valid_page_key(*page)) {
    throw ApiError(ErrorCode::bad_request, "page is not a valid page key.");
  }
  live::EventHub* hub = ctx.services.events;
  if (hub == nullptr || hub->full()) {
    throw ApiError(ErrorCode::unavailable, "Too many readers are following comments live.",
                   {{"Retry-After", std::to_string(limits::kLiveRetryAfterSeconds)}});
  }
  auto open = std::make_shared<live::StreamOpen>();
  open->site = ctx.site->id;
  open->page = std::string(*page);
  // EventSource sends Last-Event-ID when it reconnects by itself; the widget passes
  // last_event_id when it opens a new stream after a refusal. No id: only new events.
  std::string_view last = req.header("Last-Event-ID");
  const auto param = ctx.query.get("last_event_id");
  if (last.empty() && param) last = *param;
  if (!last.empty()) open->backlog = hub->since(open->site, open->page, event_id(last));

  Response res;
  res.set("Content-Type", "text/event-stream; charset=utf-8");
  res.set("Cache-Control", "no-store");
  // nginx would otherwise buffer the stream and deliver events in bursts.
  res.set("X-Accel-Buffering", "no");
  res.stream = std::move(open);
  return res;
}

}  // namespace parley::server::handlers
