#include "api/errors.hpp"

#include <nlohmann/json.hpp>

namespace parley::server {
namespace {

struct ErrorInfo {
  ErrorCode code;
  int status;
  const char* name;
};

// Indexed by ErrorCode; the static_assert below keeps the two in step.
constexpr ErrorInfo kErrors[] = {
    {ErrorCode::bad_json, 400, "bad_json"},
    {ErrorCode::bad_utf8, 400, "bad_utf8"},
    {ErrorCode::invalid, 400, "invalid"},
    {ErrorCode::bad_request, 400, "bad_request"},
    {ErrorCode::too_fast, 400, "too_fast"},
    {ErrorCode::form_expired, 400, "form_expired"},
    {ErrorCode::proof_required, 400, "proof_required"},
    {ErrorCode::login_required, 401, "login_required"},
    {ErrorCode::origin_not_allowed, 403, "origin_not_allowed"},
    {ErrorCode::banned, 403, "banned"},
    {ErrorCode::closed, 403, "closed"},
    {ErrorCode::forbidden, 403, "forbidden"},
    {ErrorCode::proof_invalid, 403, "proof_invalid"},
    {ErrorCode::unknown_site, 404, "unknown_site"},
    {ErrorCode::not_found, 404, "not_found"},
    {ErrorCode::method_not_allowed, 405, "method_not_allowed"},
    {ErrorCode::duplicate, 409, "duplicate"},
    {ErrorCode::proof_expired, 409, "proof_expired"},
    {ErrorCode::proof_spent, 409, "proof_spent"},
    {ErrorCode::too_large, 413, "too_large"},
    {ErrorCode::unsupported_media_type, 415, "unsupported_media_type"},
    {ErrorCode::rate_limited, 429, "rate_limited"},
    {ErrorCode::unavailable, 503, "unavailable"},
    {ErrorCode::internal, 500, "internal"},
};
constexpr bool table_in_order() {
  for (std::size_t i = 0; i < std::size(kErrors); ++i) {
    if (static_cast<std::size_t>(kErrors[i].code) != i) return false;
  }
  return std::size(kErrors) == static_cast<std::size_t>(ErrorCode::internal) + 1;
}
static_assert(table_in_order());

const ErrorInfo& info(ErrorCode code) {
  return kErrors[static_cast<std::size_t>(code)];
}

std::string first_message(const FieldErrors& errors) {
  return errors.empty() ? "The comment was not accepted." : errors.front().message;
}

}  // namespace

ApiError::ApiError(ErrorCode code, std::string message, std::vector<Header> headers)
    : std::runtime_error(std::move(message)), code_(code), headers_(std::move(headers)) {}

ApiError::ApiError(FieldErrors errors)
    : std::runtime_error(first_message(errors)),
      code_(ErrorCode::invalid),
      errors_(std::move(errors)) {}

ErrorCode error_named(std::string_view name) {
  for (const ErrorInfo& e : kErrors) {
    if (name == e.name) return e.code;
  }
  return ErrorCode::bad_request;
}

int http_status(ErrorCode code) {
  return info(code).status;
}
const char* error_name(ErrorCode code) {
  return info(code).name;
}

Response error_response(const ApiError& e) {
  nlohmann::json body = {{"error", error_name(e.code())}, {"message", e.what()}};
  if (!e.errors().empty()) {
    body["field"] = e.errors().front().field;
    nlohmann::json list = nlohmann::json::array();
    for (const FieldError& fe : e.errors()) {
      list.push_back({{"field", fe.field}, {"code", fe.code}, {"message", fe.message}});
    }
    body["errors"] = std::move(list);
  }
  // Messages are ours or core's, but never let a stray byte turn an error into a crash.
  Response res = json_response(http_status(e.code()),
                               body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  for (const Header& h : e.headers()) res.set(h.name, h.value);
  return res;
}

}  // namespace parley::server
