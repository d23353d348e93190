// Bounds of live updates (GET /api/events), each with its reason. Transport limits of
// ordinary requests live in server_limits.hpp.
#pragma once

#include <chrono>
#include <cstddef>

namespace parley::server::limits {

// Open event streams per process. Each costs a socket, a few KiB of buffers and a file
// descriptor; 10,000 fits the default 1 MiB-per-thread budget of a small VPS and
// Debian's usual 65,536 descriptors with room for ordinary requests. Past it, new
// streams get 503 with Retry-After and the widget backs off.
inline constexpr std::size_t kLiveMaxSubscribers = 10000;
// How long a refused reader should wait before trying again.
inline constexpr int kLiveRetryAfterSeconds = 30;
// Recent events kept per page for Last-Event-ID resume. A reader who was away longer
// than 64 events of one page is better served by reloading the thread.
inline constexpr std::size_t kLiveBacklogPerPage = 64;
// Pages with a backlog; past it, pages nobody watches are forgotten, so a crawler
// posting to many pages cannot grow memory without bound.
inline constexpr std::size_t kLiveMaxPages = 10000;
// Bytes of event text kept for resume across all pages together (each event counted as
// its JSON plus its bookkeeping). Without it the rings above allow 10,000 x 64 events
// (~500 MB); a bench posting 56,000 comments on 10,000 pages kept ~45 MB. Past it, the
// oldest events of any page go first: a reader that far behind gets the rest of its
// page's ring and the widget's reload of the thread covers the gap, as with a full ring.
inline constexpr std::size_t kLiveBacklogBytes = 4 * 1024 * 1024;
// A comment line (": ping") this often keeps proxies (nginx closes idle upstreams
// after 60 s by default) and NAT tables from dropping a quiet stream, and lets the
// server notice readers that went away.
inline constexpr std::chrono::seconds kLiveHeartbeat{15};
// EventSource's own reconnection delay, sent as `retry:` (milliseconds).
inline constexpr int kLiveReconnectMs = 3000;
// Bytes queued for one stream that the client has not read yet. A reader that falls
// this far behind (a stalled tab, a slow-loris) is disconnected; EventSource
// reconnects and resumes with Last-Event-ID.
inline constexpr std::size_t kLiveMaxQueuedBytes = 256 * 1024;

}  // namespace parley::server::limits
