// The JSON object a POST, PUT or DELETE carries: checked for its media type, UTF-8 and
// shape, else an ApiError with the matching 4xx.
#pragma once

#include <nlohmann/json.hpp>

#include "api/message.hpp"

namespace parley::server {

nlohmann::json json_object_body(const Request& req);

}  // namespace parley::server
