#include "live/event_hub.hpp"

#include <algorithm>

#include "live/live_limits.hpp"

namespace parley::server::live {

namespace {

constexpr std::string_view kDataField = "\ndata: ";
constexpr std::string_view kEventEnd = "\n\n";

std::string wire_text(std::uint64_t id, std::string_view json) {
  // The data is one line of JSON (serialised JSON escapes line breaks), so one `data:`
  // field carries it.
  std::string out = "id: ";
  out += std::to_string(id);
  out += kDataField;
  out += json;
  out += kEventEnd;
  return out;
}

}  // namespace

LiveEvent::LiveEvent(std::uint64_t event_id, std::string_view json)
    : id(event_id), wire(std::make_shared<const std::string>(wire_text(event_id, json))) {}

std::string_view LiveEvent::data() const {
  const std::string_view w = *wire;
  const std::size_t start = w.find(kDataField) + kDataField.size();
  return w.substr(start, w.size() - start - kEventEnd.size());
}

std::string EventHub::key(std::string_view site, std::string_view page) {
  std::string k(site);
  k += '\n';
  k += page;
  return k;
}

std::uint64_t EventHub::publish(std::string_view site, std::string_view page_key,
                                std::string data) {
  if (relay_) return relay_->send(site, page_key, std::move(data));
  const std::uint64_t id = last_id_ + 1;
  deliver(id, site, page_key, std::move(data));
  return id;
}

void EventHub::deliver(std::uint64_t id, std::string_view site, std::string_view page_key,
                       std::string data) {
  const std::string k = key(site, page_key);
  auto it = pages_.find(k);
  if (it == pages_.end()) {
    if (pages_.size() >= limits::kLiveMaxPages) evict_idle_pages();
    it = pages_.emplace(k, Page{}).first;
  }
  Page& p = it->second;
  // A relay catching up after a reconnection may hand over an event again.
  if (std::any_of(p.recent.begin(), p.recent.end(),
                  [id](const LiveEvent& e) { return e.id == id; })) {
    return;
  }
  last_id_ = std::max(last_id_, id);
  const LiveEvent& event = p.recent.emplace_back(id, data);
  backlog_bytes_ += cost(event);
  held_.emplace(id, &it->first);
  // Delivering may close a stream (a client too slow to keep up), which only expires
  // its weak pointer: collect the live ones first, then deliver.
  std::vector<std::shared_ptr<Subscriber>> targets;
  std::erase_if(p.subscribers, [&](const std::weak_ptr<Subscriber>& w) {
    auto s = w.lock();
    if (!s) return true;
    targets.push_back(std::move(s));
    return false;
  });
  for (const auto& s : targets) s->deliver(event);
  if (p.recent.size() > limits::kLiveBacklogPerPage) {
    forget(p.recent.front());
    p.recent.erase(p.recent.begin());
  }
  trim_backlog();
}

std::size_t EventHub::cost(const LiveEvent& event) {
  // The text, the ring slot and the held_ node that track it, roughly.
  return event.wire->size() + sizeof(LiveEvent) + 64;
}

void EventHub::forget(const LiveEvent& event) {
  backlog_bytes_ -= cost(event);
  held_.erase(event.id);
}

void EventHub::drop_if_unused(Pages::iterator page) {
  // A page that lost its last event to the budget and that nobody watches costs a map
  // node, its key and two empty vectors: a crawler posting once to each of many pages
  // would otherwise keep them all (up to limits::kLiveMaxPages).
  const Page& p = page->second;
  if (!p.recent.empty()) return;
  if (std::any_of(p.subscribers.begin(), p.subscribers.end(),
                  [](const std::weak_ptr<Subscriber>& w) { return !w.expired(); })) {
    return;
  }
  pages_.erase(page);
}

void EventHub::trim_backlog() {
  while (backlog_bytes_ > limits::kLiveBacklogBytes && !held_.empty()) {
    const auto oldest = held_.begin();
    const auto page = pages_.find(*oldest->second);
    if (page != pages_.end()) {
      std::vector<LiveEvent>& recent = page->second.recent;
      const std::uint64_t id = oldest->first;
      const auto e = std::find_if(recent.begin(), recent.end(),
                                  [id](const LiveEvent& x) { return x.id == id; });
      if (e != recent.end()) {
        forget(*e);
        recent.erase(e);
        drop_if_unused(page);
        continue;
      }
    }
    held_.erase(oldest);  // not expected: every held event is in its page's ring
  }
}

std::vector<LiveEvent> EventHub::since(std::string_view site, std::string_view page_key,
                                       std::uint64_t last_id) {
  if (relay_) return relay_->since(site, page_key, last_id);
  const auto it = pages_.find(key(site, page_key));
  if (it == pages_.end()) return {};
  // Ids only grow, across restarts too (see the constructor): a last_id beyond the
  // newest one comes from another process and cannot be placed, so the whole ring is
  // replayed; so is the whole ring for a last_id older than it.
  const bool foreign = last_id > last_id_;
  std::vector<LiveEvent> out;
  for (const LiveEvent& e : it->second.recent) {
    if (foreign || e.id > last_id) out.push_back(e);
  }
  return out;
}

std::uint64_t EventHub::resume_point(std::string_view site, std::string_view page_key) const {
  if (!relay_) return last_id_;
  const auto it = pages_.find(key(site, page_key));
  std::uint64_t newest = 0;
  if (it == pages_.end()) return newest;
  // Relayed ids from several processes arrive in any order.
  for (const LiveEvent& e : it->second.recent) newest = std::max(newest, e.id);
  return newest;
}

std::unique_ptr<EventHub::Ticket> EventHub::subscribe(std::string_view site,
                                                      std::string_view page_key,
                                                      std::weak_ptr<Subscriber> subscriber) {
  const std::string k = key(site, page_key);
  auto it = pages_.find(k);
  if (it == pages_.end()) {
    if (pages_.size() >= limits::kLiveMaxPages) evict_idle_pages();
    it = pages_.emplace(k, Page{}).first;
  }
  std::vector<std::weak_ptr<Subscriber>>& subs = it->second.subscribers;
  std::erase_if(subs, [](const std::weak_ptr<Subscriber>& w) { return w.expired(); });
  subs.push_back(std::move(subscriber));
  return std::make_unique<Ticket>(*this);
}

void EventHub::evict_idle_pages() {
  // Pages nobody watches lose their backlog first; a reader reconnecting to one gets
  // no replay and relies on the thread it loaded.
  std::erase_if(pages_, [this](const auto& entry) {
    const bool idle = std::none_of(entry.second.subscribers.begin(), entry.second.subscribers.end(),
                                   [](const std::weak_ptr<Subscriber>& w) { return !w.expired(); });
    if (idle) {
      for (const LiveEvent& e : entry.second.recent) forget(e);
    }
    return idle;
  });
}

}  // namespace parley::server::live
