// The in-process event hub of live updates: what happened on which page, fanned out to
// the readers who have that page open (GET /api/events, docs/api.md "Live updates").
//
// Every published event gets the next id of this process, or, when PostgreSQL is the
// store, an id from the database shared by every parleyd on it (Relay). Each page keeps
// a bounded ring of its recent events so a reconnecting reader (Last-Event-ID) gets
// what it missed; older gaps are covered by the widget's reload of the thread. The hub
// runs on parleyd's one io_context thread, so it takes no locks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parley::server::live {

// One event as sent on the wire: its id, and `data`, the JSON text
// {"type":"comment.created","comment":{...}} (later comment.edited, comment.deleted,
// likes.changed with the same envelope).
struct LiveEvent {
  LiveEvent(std::uint64_t event_id, std::string_view json);

  std::string_view data() const;  // the JSON, inside `wire`

  std::uint64_t id = 0;
  // "id: <id>\ndata: <json>\n\n", made once and shared by the page's ring and by every
  // stream the event goes to: 10,000 readers of a page queue one copy, not 10,000
  // (bench/sse.mjs).
  std::shared_ptr<const std::string> wire;
};

// Someone with a page open. The hub holds subscribers weakly: a stream that closed
// simply stops being delivered to.
class Subscriber {
 public:
  virtual ~Subscriber() = default;
  virtual void deliver(const LiveEvent& event) = 0;
};

class EventHub {
 public:
  // `first_id` should grow across restarts (parleyd passes its start time in
  // microseconds), so a reader's Last-Event-ID from before a restart reads as "older
  // than the ring" and gets a full replay rather than silence.
  EventHub(std::size_t max_subscribers, std::uint64_t first_id)
      : last_id_(first_id), max_subscribers_(max_subscribers) {}
  EventHub(const EventHub&) = delete;
  EventHub& operator=(const EventHub&) = delete;

  // Records the event in the page's ring and delivers it to the page's subscribers, or,
  // with a relay, hands it to the relay, which delivers it in every process. Returns
  // the event's id (0 when the relay could not take it).
  std::uint64_t publish(std::string_view site, std::string_view page, std::string data);

  // Records and delivers an event whose id was assigned elsewhere (the relay's shared
  // sequence). An id the page's ring already holds is ignored.
  void deliver(std::uint64_t id, std::string_view site, std::string_view page, std::string data);

  // Events of the page newer than `last_id`, oldest first. A `last_id` the ring no
  // longer covers (or from another process) yields the whole ring: the widget ignores
  // comments it already shows, so a replay is harmless. With a relay, the relay's
  // shared log answers instead.
  std::vector<LiveEvent> since(std::string_view site, std::string_view page, std::uint64_t last_id);

  // The Last-Event-ID a rendering of the page made now can resume from (the early
  // rendering's data, docs/seo-nojs.md): since() with it later gives what the rendering
  // lacks. Alone, the newest id given out; with a relay, the newest id of the page's ring
  // (its ids are the relay's), or 0 when the ring is empty: then the relay's whole log of
  // the page is replayed, which the widget takes without showing anything twice.
  std::uint64_t resume_point(std::string_view site, std::string_view page) const;

  // Where events go when several parleyd processes share them (live/pg_fanout.hpp).
  class Relay {
   public:
    virtual ~Relay() = default;
    // Stores the event for every process and returns its shared id; each process
    // (this one too) later receives it through deliver().
    virtual std::uint64_t send(std::string_view site, std::string_view page, std::string data) = 0;
    virtual std::vector<LiveEvent> since(std::string_view site, std::string_view page,
                                         std::uint64_t last_id) = 0;
  };
  // The relay outlives the hub's use of it; null goes back to this process only.
  void set_relay(Relay* relay) { relay_ = relay; }

  bool full() const { return subscribers_ >= max_subscribers_; }
  // What the pages' rings hold, as counted against limits::kLiveBacklogBytes.
  std::size_t backlog_bytes() const { return backlog_bytes_; }
  // Pages with a backlog or a subscriber; a page with neither is not kept.
  std::size_t pages() const { return pages_.size(); }
  std::size_t subscribers() const { return subscribers_; }

  // A registration that ends when the ticket is destroyed (the stream closed).
  class Ticket {
   public:
    Ticket(EventHub& hub) : hub_(&hub) { ++hub_->subscribers_; }
    ~Ticket() { --hub_->subscribers_; }
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;

   private:
    EventHub* hub_;
  };
  // Registers `subscriber` for the page; the caller checks full() first.
  std::unique_ptr<Ticket> subscribe(std::string_view site, std::string_view page,
                                    std::weak_ptr<Subscriber> subscriber);

 private:
  struct Page {
    // At most limits::kLiveBacklogPerPage, oldest first. A vector, not a deque:
    // libstdc++'s deque allocates ~600 bytes even when empty, and most pages of a
    // busy site hold one or two events.
    std::vector<LiveEvent> recent;
    std::vector<std::weak_ptr<Subscriber>> subscribers;
  };
  // "site\npage": neither a site id nor a page key can hold a line break.
  static std::string key(std::string_view site, std::string_view page);
  void evict_idle_pages();
  static std::size_t cost(const LiveEvent& event);
  void forget(const LiveEvent& event);
  void trim_backlog();
  using Pages = std::map<std::string, Page, std::less<>>;
  void drop_if_unused(Pages::iterator page);

  Pages pages_;
  // Every held event's id -> its page's key (the map's own, stable until the page is
  // erased, which first forgets its events): the oldest first, for the byte budget.
  std::map<std::uint64_t, const std::string*> held_;
  std::size_t backlog_bytes_ = 0;
  std::uint64_t last_id_ = 0;
  std::size_t max_subscribers_;
  std::size_t subscribers_ = 0;
  Relay* relay_ = nullptr;
};

}  // namespace parley::server::live
