#include "fediverse/nodeinfo.hpp"

#include <optional>

#include <nlohmann/json.hpp>

#include "auth/http_client.hpp"

namespace parley::server::fediverse {
namespace {

constexpr std::string_view kSchemaPrefix = "http://nodeinfo.diaspora.software/ns/schema/";

// One guarded GET (auth/http_client: no redirects, bounded time and size; connections
// only to public addresses unless `test_insecure`). The body of a 200, or nothing;
// `refused` says the name resolved to an address parleyd must not reach.
std::optional<std::string> get(const std::string& url, bool test_insecure, bool& refused) {
  const bool https = url.starts_with("https://");
  if (!https && !(test_insecure && url.starts_with("http://"))) return std::nullopt;
  auth::HttpResult r =
      auth::http_get(url, {}, test_insecure ? auth::Reach::any : auth::Reach::public_only);
  refused = refused || r.refused;
  if (r.status != 200 || r.body.size() > kMaxNodeInfoBytes) return std::nullopt;
  return std::move(r.body);
}

// The newest NodeInfo schema document the index links to.
std::string schema_href(const nlohmann::json& index) {
  std::string best_rel;
  std::string href;
  const auto links = index.find("links");
  if (links == index.end() || !links->is_array()) return {};
  for (const auto& link : *links) {
    if (!link.is_object()) continue;
    const auto rel = link.find("rel");
    const auto h = link.find("href");
    if (rel == link.end() || h == link.end() || !rel->is_string() || !h->is_string()) continue;
    const std::string r = rel->get<std::string>();
    if (r.starts_with(kSchemaPrefix) && r > best_rel) {
      best_rel = r;
      href = h->get<std::string>();
    }
  }
  return href;
}

// software.name, if it looks like one ("mastodon", "misskey", "gotosocial").
std::string software_name(const nlohmann::json& doc) {
  const auto software = doc.find("software");
  if (software == doc.end() || !software->is_object()) return {};
  const auto name = software->find("name");
  if (name == software->end() || !name->is_string()) return {};
  std::string n = name->get<std::string>();
  if (n.empty() || n.size() > kMaxSoftwareNameBytes) return {};
  for (char& ch : n) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    const bool ok =
        (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.';
    if (!ok) return {};
  }
  return n;
}

}  // namespace

Lookup NodeInfoResolver::fetch(const std::string& host) const {
  bool refused = false;
  const std::string scheme = test_insecure_ ? "http://" : "https://";
  const auto index_body = get(scheme + host + "/.well-known/nodeinfo", test_insecure_, refused);
  if (refused) return {Outcome::not_public, {}};
  if (!index_body) return {};
  const auto index = nlohmann::json::parse(*index_body, nullptr, /*allow_exceptions=*/false);
  // The schema document may live elsewhere, but only over the same guarded transport.
  const auto doc_body =
      get(index.is_object() ? schema_href(index) : std::string(), test_insecure_, refused);
  if (refused) return {Outcome::not_public, {}};
  if (!doc_body) return {};
  const auto doc = nlohmann::json::parse(*doc_body, nullptr, /*allow_exceptions=*/false);
  std::string software = doc.is_object() ? software_name(doc) : std::string();
  if (software.empty()) return {};
  return {Outcome::found, std::move(software)};
}

Lookup NodeInfoResolver::resolve(const std::string& host, Clock::time_point now) {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (const auto it = cache_.find(host); it != cache_.end() && it->second.expires > now) {
      return it->second.lookup;
    }
  }
  const Lookup lookup = fetch(host);
  const std::lock_guard<std::mutex> lock(mutex_);
  remember(host, lookup, now);
  return lookup;
}

void NodeInfoResolver::remember(const std::string& host, const Lookup& lookup,
                                Clock::time_point now) {
  const auto ttl = lookup.outcome == Outcome::found ? kNodeInfoTtl : kNodeInfoFailureTtl;
  if (const auto it = cache_.find(host); it != cache_.end()) {
    oldest_.erase(it->second.age);
    cache_.erase(it);
  }
  while (cache_.size() >= kMaxCachedServers && !oldest_.empty()) {
    cache_.erase(oldest_.front());
    oldest_.pop_front();
  }
  oldest_.push_back(host);
  cache_.emplace(host, Entry{lookup, now + ttl, std::prev(oldest_.end())});
}

}  // namespace parley::server::fediverse
