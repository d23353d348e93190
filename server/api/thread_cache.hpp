// Finished GET /api/comments bodies per (site, page): the JSON, its gzip and their
// ETags, so a read of an unchanged thread is a lookup instead of a query, a
// serialisation, a hash and a compression (bench/RESULTS.md "Server").
//
// An entry is valid while Store::data_version() still has the value it was built
// under: any write of this process, or a commit of another SQLite connection, drops
// every entry at once (simple, and reads outnumber writes by orders of magnitude).
// Other parleyd processes on the same PostgreSQL reach it through invalidate_all()
// (live/pg_fanout.hpp). Single-threaded like the rest of parleyd: no locks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>

#include "api/encoding.hpp"

namespace parley::server {

class ThreadCache {
 public:
  explicit ThreadCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}
  ThreadCache(const ThreadCache&) = delete;
  ThreadCache& operator=(const ThreadCache&) = delete;

  // The page's body if it was stored under `version` and nothing invalidated it since;
  // with `max_age` (seconds, > 0), also only if it was built at most that long before
  // `now` (a rendering whose relative dates and rendered_at should not grow old).
  const Precompressed* find(std::string_view site, std::string_view page, std::uint64_t version,
                            std::int64_t now = 0, std::int64_t max_age = 0);
  // Compresses `body` and keeps it for the page under `version`, built at `now`;
  // returns the entry. `page` may carry more of the request after a line break (no
  // page key holds one): the early rendering's entries, beside the JSON's.
  const Precompressed& put(std::string_view site, std::string_view page, std::uint64_t version,
                           std::string body, std::int64_t now = 0);
  // Forgets everything: another process changed the store.
  void invalidate_all();
  // While off (PostgreSQL's change notifications are not arriving), find() misses.
  void set_enabled(bool enabled);

 private:
  struct Entry {
    std::uint64_t version = 0;
    std::int64_t built = 0;
    Precompressed body;
  };
  static std::string key(std::string_view site, std::string_view page);
  void evict_to(std::size_t budget);

  std::map<std::string, Entry, std::less<>> entries_;
  std::deque<std::string> order_;  // keys, oldest first: the eviction order
  std::size_t bytes_ = 0;
  std::size_t max_bytes_;
  bool enabled_ = true;
};

}  // namespace parley::server
