// GET /api/challenge: the proof of work the widget solves before it posts (docs/spam.md).
#include <nlohmann/json.hpp>

#include "api/handlers.hpp"
#include "spam/spam_filter.hpp"

namespace parley::server::handlers {

Response challenge(const Request& req, Context& ctx) {
  spam::SpamFilter* filter = ctx.services.comments.spam();
  const spam::Challenge c =
      filter ? filter->challenge(ctx.site->id, req.client_ip, ctx.now) : spam::Challenge{};
  // {"bits": 0} alone: the layer is off and posts need no proof.
  nlohmann::json answer{{"bits", c.bits}};
  if (!c.text.empty()) {
    answer["challenge"] = c.text;
    answer["expires"] = c.expires;
  }
  // Never kept by a cache: each challenge is spent once.
  Response res = json_response(200, answer.dump());
  res.set("Cache-Control", "no-store");
  return res;
}

}  // namespace parley::server::handlers
