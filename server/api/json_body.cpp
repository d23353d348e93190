#include "api/json_body.hpp"

#include "api/errors.hpp"
#include "core/utf8.hpp"
#include "util/text.hpp"

namespace parley::server {

nlohmann::json json_object_body(const Request& req) {
  if (!starts_with_icase(req.header("Content-Type"), "application/json")) {
    throw ApiError(ErrorCode::unsupported_media_type, "Send the comment as application/json.");
  }
  if (!utf8::valid(req.body)) {
    throw ApiError(ErrorCode::bad_utf8, "The request body is not valid UTF-8.");
  }
  nlohmann::json j = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw ApiError(ErrorCode::bad_json, "The request body is not JSON.");
  if (!j.is_object()) {
    throw ApiError(ErrorCode::bad_json, "The request body must be a JSON object.");
  }
  return j;
}

}  // namespace parley::server
