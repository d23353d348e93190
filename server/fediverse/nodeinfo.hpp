// Which software a fediverse server runs, from its NodeInfo (nodeinfo.diaspora.software):
// GET https://<host>/.well-known/nodeinfo lists schema documents, whose
// software.name says "mastodon", "misskey", "lemmy"… The share bar uses it to pick
// the server's own compose URL (core/share_options.hpp, fediverse_target).
//
// The host comes from a reader, so every fetch is bounded and guarded (through
// auth/http_client, Reach::public_only): https only, no redirects, connections only to
// public addresses (checked on the address actually connected to, so DNS tricks cannot
// slip past), a time and size budget, and answers cached so a popular server is asked
// once an hour.
#pragma once

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace parley::server::fediverse {

// Both documents are well under 4 KB in practice (Mastodon's is ~1 KB).
inline constexpr std::size_t kMaxNodeInfoBytes = 64 * 1024;
inline constexpr std::size_t kMaxSoftwareNameBytes = 64;
// Software changes rarely; a failed lookup is retried sooner.
inline constexpr std::chrono::minutes kNodeInfoTtl{60};
inline constexpr std::chrono::minutes kNodeInfoFailureTtl{5};
inline constexpr std::size_t kMaxCachedServers = 2048;

enum class Outcome {
  found,       // `software` is set
  not_public,  // the host resolves to an address parleyd must not reach
  not_found,   // no usable NodeInfo (unreachable, not a fediverse server, bad document)
};

struct Lookup {
  Outcome outcome = Outcome::not_found;
  std::string software;  // lower-case software.name
};

class NodeInfoResolver {
 public:
  using Clock = std::chrono::steady_clock;

  // `test_insecure` (tests only): plain http and private/loopback addresses allowed,
  // so a loopback fake server can stand in for a fediverse server.
  explicit NodeInfoResolver(bool test_insecure) : test_insecure_(test_insecure) {}

  // `host` is a valid instance name (core/share.hpp is_valid_instance), lower case.
  // Thread-safe: lookups run on the transport's worker threads.
  Lookup resolve(const std::string& host, Clock::time_point now);

 private:
  struct Entry {
    Lookup lookup;
    Clock::time_point expires;
    std::list<std::string>::iterator age;  // position in oldest_
  };
  Lookup fetch(const std::string& host) const;
  void remember(const std::string& host, const Lookup& lookup, Clock::time_point now);

  bool test_insecure_;
  std::mutex mutex_;  // guards the cache; never held during a fetch
  std::unordered_map<std::string, Entry> cache_;
  std::list<std::string> oldest_;  // insertion order, for eviction past the bound
};

}  // namespace parley::server::fediverse
