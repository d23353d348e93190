#include "live/live_events.hpp"

#include <nlohmann/json.hpp>

namespace parley::server::live {

std::string comment_event(std::string_view type, const Comment& comment) {
  return nlohmann::json{{"type", type}, {"comment", comment_to_json(comment)}}.dump();
}

std::string likes_event(std::int64_t comment, std::size_t count,
                        const std::vector<std::string>& recent) {
  return nlohmann::json{{"type", kLikesChanged},
                        {"comment", comment},
                        {"likes", {{"count", count}, {"recent", recent}}}}
      .dump();
}

}  // namespace parley::server::live
