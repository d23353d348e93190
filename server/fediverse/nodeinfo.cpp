#include "fediverse/nodeinfo.hpp"

#include <curl/curl.h>
#include <sys/socket.h>

#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "fediverse/public_address.hpp"

namespace parley::server::fediverse {
namespace {

constexpr std::string_view kSchemaPrefix = "http://nodeinfo.diaspora.software/ns/schema/";

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};

struct Transfer {
  bool test_insecure = false;
  bool refused = false;  // a connection to a non-public address was refused
  bool too_big = false;
  std::string body;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (t->body.size() + n > kMaxNodeInfoBytes) {
    t->too_big = true;
    return 0;  // aborts the transfer
  }
  t->body.append(data, n);
  return n;
}

// Called by libcurl with the resolved address right before connecting: the one place
// every connection passes, whatever DNS said a moment earlier.
curl_socket_t on_open_socket(void* user, curlsocktype, curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(user);
  if (!t->test_insecure && !is_public_address(&address->addr)) {
    t->refused = true;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

// GET `url` within the budget; the body, or nothing.
std::optional<std::string> get(const std::string& url, Transfer& t) {
  static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  if (!initialised) return std::nullopt;
  const std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return std::nullopt;
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, t.test_insecure ? "http,https" : "https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOPROXY, "*");  // no detour through an environment proxy
  curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
  curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &t);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE, static_cast<long>(kMaxNodeInfoBytes));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(kNodeInfoTimeout.count() * 1000));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "parleyd (NodeInfo lookup for a share button)");
  const char* accept = "Accept: application/json";
  curl_slist* headers = curl_slist_append(nullptr, accept);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  t.body.clear();
  const CURLcode rc = curl_easy_perform(c);
  curl_slist_free_all(headers);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (rc != CURLE_OK || status != 200) return std::nullopt;
  return std::move(t.body);
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
  Transfer t;
  t.test_insecure = test_insecure_;
  const std::string scheme = test_insecure_ ? "http://" : "https://";
  const auto index_body = get(scheme + host + "/.well-known/nodeinfo", t);
  if (t.refused) return {Outcome::not_public, {}};
  if (!index_body) return {};
  const auto index = nlohmann::json::parse(*index_body, nullptr, /*allow_exceptions=*/false);
  const std::string href = index.is_object() ? schema_href(index) : std::string();
  // The schema document may live elsewhere, but only over the same guarded transport.
  if (!href.starts_with("https://") && !(test_insecure_ && href.starts_with("http://"))) return {};
  const auto doc_body = get(href, t);
  if (t.refused) return {Outcome::not_public, {}};
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
