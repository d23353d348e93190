// Live updates across every parleyd on one PostgreSQL database (docs/scaling.md).
//
// A process that publishes an event inserts it into live_events; the row's trigger
// sends NOTIFY parley_events '<id>'. Every process (the sender too) LISTENs on its own
// connection, loads the announced rows and delivers them through its EventHub, so an
// event's id is the database's and a reader may resume with Last-Event-ID on any
// instance (since() reads the shared log). NOTIFY parley_changed, sent by triggers on
// any change of threads or comments, drops this process's cached threads.
//
// When the listening connection is lost (PostgreSQL restarting), the thread cache is
// switched off, since changes could go unseen, and reconnection is retried every
// kRetry; once back, events this process could not store meanwhile are stored, the
// events missed are delivered, and the cache resumes.
// Runs on parleyd's one io_context thread, like the hub.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include "api/thread_cache.hpp"
#include "live/event_hub.hpp"
#include "store/pg_db.hpp"

namespace parley::server::live {

class PgFanout final : public EventHub::Relay {
 public:
  // Connects (throws StoreUnavailable when PostgreSQL cannot be reached), starts
  // listening and becomes the hub's relay; the database must already be migrated
  // (PgStore does that).
  PgFanout(boost::asio::io_context& ioc, std::string conninfo, EventHub& hub, ThreadCache& threads);
  ~PgFanout() override;
  PgFanout(const PgFanout&) = delete;
  PgFanout& operator=(const PgFanout&) = delete;

  std::uint64_t send(std::string_view site, std::string_view page, std::string data) override;
  std::vector<LiveEvent> since(std::string_view site, std::string_view page,
                               std::uint64_t last_id) override;

 private:
  void arm();
  void disarm();
  void on_readable(const boost::system::error_code& ec);
  void take_notifications();
  void deliver_rows(const pg::Result& rows);
  void lost(const std::exception& why);
  void retry();
  void catch_up();
  std::uint64_t insert(std::string_view site, std::string_view page, std::string_view data);
  void flush_unsent();

  // An event whose insert failed (PostgreSQL restarting), sent on reconnection.
  struct Unsent {
    std::string site;
    std::string page;
    std::string data;
  };

  pg::Connection db_;
  EventHub& hub_;
  ThreadCache& threads_;
  boost::asio::posix::stream_descriptor socket_;
  boost::asio::steady_timer retry_timer_;
  std::uint64_t last_seen_ = 0;        // the newest event id delivered
  std::uint64_t connection_seen_ = 0;  // db_.connections() when last armed
  std::uint64_t sent_ = 0;
  std::deque<Unsent> unsent_;
  bool armed_ = false;
  bool down_ = false;
};

}  // namespace parley::server::live
