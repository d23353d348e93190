#include "live/live_events.hpp"

#include <nlohmann/json.hpp>

namespace parley::server::live {

std::string comment_event(std::string_view type, const Comment& comment) {
  return nlohmann::json{{"type", type}, {"comment", comment_to_json(comment)}}.dump();
}

}  // namespace parley::server::live
