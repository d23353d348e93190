// Every bound parleyd puts on the network and on clients, each with its reason. Limits
// on comment content live in core/limits.hpp, shared with the widget.
#pragma once

#include <chrono>
#include <cstddef>

namespace parley::server::limits {

// Request line plus headers. Browsers send 1-4 KiB; 16 KiB leaves room for cookies of
// the host site without letting a client park megabytes in our buffers.
inline constexpr std::size_t kMaxHeaderBytes = 16 * 1024;
// A slow client gets this long to deliver one whole request, then the connection closes.
inline constexpr std::chrono::seconds kReadTimeout{15};
// After a 413 the client may still be sending; we read and discard at most this much
// (for at most kDrainTimeout) so the kernel does not reset the connection under the
// response, then close.
inline constexpr std::size_t kMaxDrainBytes = 1024 * 1024;
inline constexpr std::chrono::seconds kDrainTimeout{2};

// The query string of one request, raw. Counts requests carry up to
// core limits::kMaxCountPages page keys; 32 KiB of percent-encoded paths covers them.
inline constexpr std::size_t kMaxQueryBytes = 32 * 1024;
// Parameters in one query: site plus kMaxCountPages pages, with a little slack.
inline constexpr std::size_t kMaxQueryParams = 128;

// Fields in one plain form post (docs/seo-nojs.md): the form has eleven; a few more
// tolerate extra fields from a site's own markup, without parsing thousands.
inline constexpr std::size_t kMaxFormParams = 32;

// Bodies smaller than this are not worth gzip's CPU and header overhead.
inline constexpr std::size_t kMinGzipBytes = 1024;

// Finished thread responses kept in memory (api/thread_cache.hpp): a 100-comment
// thread is ~40 KB with its gzip, so 8 MiB holds the ~200 most recently read threads
// and keeps parleyd well under its 50 MB RSS goal.
inline constexpr std::size_t kThreadCacheBytes = 8 * 1024 * 1024;

// Browsers cache a preflight at most 2 h (Chromium) / 24 h (Firefox); ask for a day.
inline constexpr int kPreflightMaxAgeSeconds = 86400;
// The loader's URL is the one site owners paste, so it cannot be content-hashed: a short
// cache lets a new release reach readers within minutes.
inline constexpr int kLoaderMaxAgeSeconds = 300;
// Hashed assets never change under one name.
inline constexpr int kImmutableMaxAgeSeconds = 31536000;

// Rate limits, per client IP, as token buckets refilled continuously. Defaults; both are
// configurable (rate_limit in the config file). A person writes a comment in minutes,
// so 5 posts a minute only stops scripts; 600 requests a minute covers a reader
// opening many pages of one site, each with a count and a thread request.
inline constexpr int kDefaultPostsPerMinute = 5;
inline constexpr int kDefaultRequestsPerMinute = 600;
// A reader liking comments down a thread clicks a few times a minute; 30 likes or
// unlikes a minute per IP leaves room for an office sharing one address.
inline constexpr int kDefaultLikesPerMinute = 30;
// A reader clicks a share button a few times a page; more is a script inflating the
// owner's share counts.
inline constexpr int kDefaultShareClicksPerMinute = 20;
// A reader names their fediverse server once; each lookup may cost parleyd two
// outgoing requests, so a client cannot make it fetch much.
inline constexpr int kDefaultNodeInfoPerMinute = 10;
// A reader spots a typo within minutes of posting; after 15 the thread has moved on
// and others may have replied to what was said. A day at most: an edit token is a
// bearer credential, and its life stays short.
inline constexpr int kDefaultEditWindowSeconds = 15 * 60;
inline constexpr int kMaxEditWindowSeconds = 24 * 60 * 60;
// Buckets are kept for this many clients at most; past it, full (idle) buckets are
// dropped first, so memory stays bounded under address-spraying.
inline constexpr std::size_t kMaxTrackedClients = 100000;
// Threads that wait on identity providers during logins (each call is bounded by the
// provider timeout): logins are rare and mostly waiting, so a few threads serve many;
// past them, logins queue while comments keep flowing on the I/O thread.
inline constexpr std::size_t kProviderThreads = 4;

}  // namespace parley::server::limits
