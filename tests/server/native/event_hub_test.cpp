// live::EventHub: who gets which event, the per-page ring behind Last-Event-ID, and the
// subscriber cap. (The SSE wire format is tested over HTTP in tests/server/events.test.mjs.)
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "live/event_hub.hpp"
#include "live/live_limits.hpp"

using namespace parley::server;

namespace {

struct Recorder : live::Subscriber {
  std::vector<std::string> got;
  void deliver(const live::LiveEvent& e) override { got.emplace_back(e.data()); }
};

constexpr std::uint64_t kFirst = 1000;

}  // namespace

TEST_CASE("events reach the subscribers of their page only") {
  live::EventHub hub(10, kFirst);
  auto a = std::make_shared<Recorder>();
  auto b = std::make_shared<Recorder>();
  auto ta = hub.subscribe("blog", "/a/", a);
  auto tb = hub.subscribe("blog", "/b/", b);
  auto other_site = std::make_shared<Recorder>();
  auto tc = hub.subscribe("news", "/a/", other_site);
  CHECK(hub.publish("blog", "/a/", "one") == kFirst + 1);
  CHECK(a->got == std::vector<std::string>{"one"});
  CHECK(b->got.empty());
  CHECK(other_site->got.empty());
  CHECK(hub.subscribers() == 3);
}

TEST_CASE("a closed subscriber is no longer delivered to and leaves the count") {
  live::EventHub hub(1, kFirst);
  auto a = std::make_shared<Recorder>();
  auto ticket = hub.subscribe("blog", "/a/", a);
  CHECK(hub.full());
  a.reset();
  ticket.reset();
  CHECK_FALSE(hub.full());
  hub.publish("blog", "/a/", "nobody listens");  // must not touch the expired subscriber
}

TEST_CASE("since() gives the events after an id, within a bounded ring") {
  live::EventHub hub(10, kFirst);
  for (std::size_t i = 0; i < parley::server::limits::kLiveBacklogPerPage + 5; ++i) {
    hub.publish("blog", "/a/", std::to_string(i));
  }
  const auto all = hub.since("blog", "/a/", 0);
  REQUIRE(all.size() == parley::server::limits::kLiveBacklogPerPage);
  CHECK(all.front().data() == "5");  // the oldest five fell out of the ring
  const auto after = hub.since("blog", "/a/", all[all.size() - 3].id);
  REQUIRE(after.size() == 2);
  CHECK(after[0].id == all[all.size() - 2].id);
  CHECK(hub.since("blog", "/a/", all.back().id).empty());
  // An id from the future (another process, a restart) cannot be placed: replay all.
  CHECK(hub.since("blog", "/a/", all.back().id + 1000).size() == all.size());
  CHECK(hub.since("blog", "/nothing/", 0).empty());
}

namespace {

// A relay that keeps what it was sent, as the PostgreSQL one stores it for every process.
struct SharedLog : live::EventHub::Relay {
  std::vector<std::string> sent;
  std::uint64_t send(std::string_view, std::string_view, std::string data) override {
    sent.push_back(std::move(data));
    return 500 + sent.size();
  }
  std::vector<live::LiveEvent> since(std::string_view, std::string_view,
                                     std::uint64_t last_id) override {
    return {{last_id + 1, "from the log"}};
  }
};

}  // namespace

TEST_CASE("with a relay, events go out through it and come back with its ids") {
  live::EventHub hub(10, kFirst);
  SharedLog log;
  hub.set_relay(&log);
  auto a = std::make_shared<Recorder>();
  auto ta = hub.subscribe("blog", "/a/", a);
  CHECK(hub.publish("blog", "/a/", "one") == 501);
  CHECK(log.sent == std::vector<std::string>{"one"});
  CHECK(a->got.empty());  // delivered when the relay hands it back, not before

  hub.deliver(501, "blog", "/a/", "one");
  hub.deliver(7, "blog", "/a/", "from another process");
  CHECK(a->got == std::vector<std::string>{"one", "from another process"});
  // A relay catching up may hand back an event again: readers get it once.
  hub.deliver(501, "blog", "/a/", "one");
  CHECK(a->got.size() == 2);

  // A rendering made now resumes after the newest event of the page, whatever order
  // the processes' events came in; a page without events replays the relay's log.
  CHECK(hub.resume_point("blog", "/a/") == 501);
  CHECK(hub.resume_point("blog", "/quiet/") == 0);

  const auto resumed = hub.since("blog", "/a/", 41);
  REQUIRE(resumed.size() == 1);
  CHECK(resumed[0].id == 42);
  CHECK(resumed[0].data() == "from the log");
}

TEST_CASE("the rings of all pages together stay within the byte budget, oldest out first") {
  live::EventHub hub(10, kFirst);
  auto r = std::make_shared<Recorder>();
  auto t = hub.subscribe("blog", "/page-199/", r);
  // 200 pages x 64 KiB: three times the budget, one event per page.
  const std::string body(64 * 1024, 'x');
  for (int i = 0; i < 200; ++i) hub.publish("blog", "/page-" + std::to_string(i) + "/", body);
  CHECK(hub.backlog_bytes() <= limits::kLiveBacklogBytes);
  CHECK(hub.backlog_bytes() > limits::kLiveBacklogBytes - 2 * body.size());
  CHECK(hub.since("blog", "/page-0/", 0).empty());        // the oldest page's event went
  CHECK(hub.since("blog", "/page-199/", 0).size() == 1);  // the newest ones stayed
  CHECK(r->got.size() == 1);  // delivery itself is not affected by the budget
  // The per-page ring and the budget agree: a page's own overflow is not counted twice.
  for (std::size_t i = 0; i < limits::kLiveBacklogPerPage + 10; ++i)
    hub.publish("blog", "/a/", "e");
  CHECK(hub.since("blog", "/a/", 0).size() == limits::kLiveBacklogPerPage);
  CHECK(hub.backlog_bytes() <= limits::kLiveBacklogBytes);
}

TEST_CASE("a page whose last event went to the budget and that nobody watches is not kept") {
  live::EventHub hub(10, kFirst);
  auto r = std::make_shared<Recorder>();
  auto t = hub.subscribe("blog", "/watched/", r);
  hub.publish("blog", "/watched/", "w");
  // Many pages with one large event each: most of them lose it to the budget.
  const std::string body(64 * 1024, 'x');
  for (int i = 0; i < 200; ++i) hub.publish("blog", "/page-" + std::to_string(i) + "/", body);
  CHECK(hub.backlog_bytes() <= limits::kLiveBacklogBytes);
  // What is left: the pages that still hold an event, and the watched one (its event went
  // too, being the oldest, but its reader still gets the next ones).
  const std::size_t holding = limits::kLiveBacklogBytes / (body.size() + 64);
  CHECK(hub.pages() <= holding + 1);
  CHECK(hub.pages() >= holding - 1);
  hub.publish("blog", "/watched/", "again");
  CHECK(r->got.size() == 2);
  CHECK(hub.since("blog", "/watched/", 0).size() == 1);
}

TEST_CASE("a rendering's resume point: since() with it gives exactly the events after it") {
  live::EventHub hub(10, kFirst);
  hub.publish("blog", "/a/", "before");
  const std::uint64_t rendered = hub.resume_point("blog", "/a/");
  CHECK(hub.since("blog", "/a/", rendered).empty());
  hub.publish("blog", "/b/", "elsewhere");
  hub.publish("blog", "/a/", "after");
  const auto missed = hub.since("blog", "/a/", rendered);
  REQUIRE(missed.size() == 1);
  CHECK(missed[0].data() == "after");
}
