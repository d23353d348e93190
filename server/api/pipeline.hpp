// The API's single entry point from the transport. Every request passes through here:
// rate limit -> route -> query -> site and CORS -> handler, and every response (errors
// included) leaves through the same finishing steps: CORS and Vary headers, caching
// headers, ETag/304, gzip and the security headers.
#pragma once

#include "api/context.hpp"
#include "api/errors.hpp"
#include "api/message.hpp"

namespace parley::server {

// Never throws: errors become JSON error responses here, and only here. A response with
// `deferred` set is not the answer yet: the transport runs deferred->work off the I/O
// thread and sends what it returns (already finished the same way, errors included).
Response handle(const Request& req, Services& services);

// The response for a request the transport refused before it could be handled (body
// or headers too large, not HTTP): the error body plus the same security headers.
Response reject(const ApiError& e);

}  // namespace parley::server
