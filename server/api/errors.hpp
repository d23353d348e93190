// API errors and the one place they become HTTP: a stable code, its status, and the
// JSON body {error, message, field?, errors?} documented in docs/api.md.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "api/message.hpp"
#include "core/result.hpp"

namespace parley::server {

enum class ErrorCode {
  bad_json,                // 400
  bad_utf8,                // 400
  invalid,                 // 400, with field errors
  bad_request,             // 400
  too_fast,                // 400: a plain form sent sooner after rendering than a person could
  form_expired,            // 400: a plain form without a render token this server signed
  proof_required,          // 400: a widget post without a proof of work (docs/spam.md)
  login_required,          // 401
  origin_not_allowed,      // 403
  banned,                  // 403: a moderator banned the author from the site
  closed,                  // 403: a moderator closed the thread
  forbidden,               // 403: not yours to change (or no longer)
  proof_invalid,           // 403: a proof of work not signed here, or that does not hold
  unknown_site,            // 404
  not_found,               // 404
  method_not_allowed,      // 405
  duplicate,               // 409: the author already posted this text (docs/spam.md)
  proof_expired,           // 409: the proof's challenge expired: solve a fresh one
  proof_spent,             // 409: the proof's challenge was used: solve a fresh one
  too_large,               // 413
  unsupported_media_type,  // 415
  rate_limited,            // 429
  unavailable,             // 503, with Retry-After: try again later (store down, streams full)
  internal,                // 500
};

// Thrown by handlers and the request pipeline; caught once, in the pipeline, and turned
// into a response by error_response(). `headers` carries Allow (405) or Retry-After (429, 503).
class ApiError : public std::runtime_error {
 public:
  ApiError(ErrorCode code, std::string message, std::vector<Header> headers = {});
  // 400 invalid with every field error; `message` and `field` repeat the first one.
  explicit ApiError(FieldErrors errors);

  ErrorCode code() const { return code_; }
  const FieldErrors& errors() const { return errors_; }
  const std::vector<Header>& headers() const { return headers_; }

 private:
  ErrorCode code_;
  FieldErrors errors_;
  std::vector<Header> headers_;
};

int http_status(ErrorCode code);
const char* error_name(ErrorCode code);
// The code of that name (a service's refusal: "duplicate"); bad_request for none.
ErrorCode error_named(std::string_view name);

Response error_response(const ApiError& e);

}  // namespace parley::server
