#include "live/live_events.hpp"

#include "core/comment_json.hpp"

namespace parley::server::live {

std::string comment_event(std::string_view type, const Comment& comment) {
  return nlohmann::json{{"type", type}, {"comment", comment_to_json(comment)}}.dump();
}

std::string likes_event(std::int64_t comment, std::size_t count, const nlohmann::json& recent) {
  // A provider's display name is outside text: never let a stray byte throw here.
  return nlohmann::json{{"type", kLikesChanged},
                        {"comment", comment},
                        {"likes", {{"count", count}, {"recent", recent}}}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace parley::server::live
