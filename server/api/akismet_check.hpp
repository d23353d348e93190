// The post path's wait for Akismet (docs/spam.md), for the JSON API and the plain form
// alike: the check runs on a worker thread, then the handler runs again on the I/O
// thread with Akismet's answer in the Context, so everything that touches the store
// and live events stays where it always runs.
#pragma once

#include "api/context.hpp"
#include "api/message.hpp"
#include "api/routes.hpp"
#include "spam/akismet.hpp"

namespace parley::server {

// A deferred response: asks Akismet about `fields`, then answers with `again(req, ctx)`.
Response after_akismet(const Request& req, const Context& ctx, spam::AkismetFields fields,
                       Handler again);

// What the spam layers need from the request itself: the user agent and referrer
// Akismet is told, the site's address, and Akismet's answer on the second pass.
spam::Signals request_signals(const Request& req, const Context& ctx);

}  // namespace parley::server
