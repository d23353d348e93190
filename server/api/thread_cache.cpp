#include "api/thread_cache.hpp"

#include <utility>

#include "util/gzip.hpp"

namespace parley::server {
namespace {

std::size_t size_of(const Precompressed& p) {
  return p.body.size() + p.gzip.size() + p.etag.size();
}

}  // namespace

std::string ThreadCache::key(std::string_view site, std::string_view page) {
  // Neither a site id nor a page key can hold a line break.
  std::string k(site);
  k += '\n';
  k += page;
  return k;
}

const Precompressed* ThreadCache::find(std::string_view site, std::string_view page,
                                       std::uint64_t version, std::int64_t now,
                                       std::int64_t max_age) {
  if (!enabled_) return nullptr;
  const auto it = entries_.find(key(site, page));
  if (it == entries_.end() || it->second.version != version) return nullptr;
  if (max_age > 0 && now - it->second.built > max_age) return nullptr;
  return &it->second.body;
}

const Precompressed& ThreadCache::put(std::string_view site, std::string_view page,
                                      std::uint64_t version, std::string text, std::int64_t now) {
  std::string k = key(site, page);
  Precompressed body = precompress(std::move(text), kGzipLevelDefault);
  const std::size_t size = size_of(body) + k.size();
  auto it = entries_.find(k);
  if (it != entries_.end()) {
    bytes_ -= size_of(it->second.body) + k.size();
  } else {
    // Make room first, so the entry just made is never the one evicted.
    evict_to(max_bytes_ > size ? max_bytes_ - size : 0);
    order_.push_back(k);
    it = entries_.emplace(std::move(k), Entry{}).first;
  }
  it->second = Entry{version, now, std::move(body)};
  bytes_ += size;
  return it->second.body;
}

void ThreadCache::evict_to(std::size_t budget) {
  while (bytes_ > budget && !order_.empty()) {
    const auto it = entries_.find(order_.front());
    if (it != entries_.end()) {
      bytes_ -= size_of(it->second.body) + it->first.size();
      entries_.erase(it);
    }
    order_.pop_front();
  }
}

void ThreadCache::invalidate_all() {
  entries_.clear();
  order_.clear();
  bytes_ = 0;
}

void ThreadCache::set_enabled(bool enabled) {
  if (enabled_ != enabled) invalidate_all();
  enabled_ = enabled;
}

}  // namespace parley::server
