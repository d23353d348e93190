// One reader's Server-Sent Events stream: owns the socket after the HTTP session hands
// it over, writes queued events in order, sends heartbeats, and notices when the
// reader goes away. Lives as long as the connection (shared_ptr held by its pending
// operations); the hub refers to it weakly.
//
// parleyd runs one io_context on one thread (main.cpp), so events published from
// another connection's handler reach deliver() on the same thread as this stream's
// own handlers.
#pragma once

#include <array>
#include <cstddef>
#include <deque>
#include <memory>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/system/error_code.hpp>

#include "live/event_hub.hpp"
#include "live/stream_open.hpp"

namespace parley::server::live {

class SseStream : public Subscriber, public std::enable_shared_from_this<SseStream> {
 public:
  explicit SseStream(boost::asio::ip::tcp::socket&& socket);

  // Writes `head` (the HTTP response head, already serialised), the `retry:` hint and
  // the backlog, then subscribes to the page. The caller checked hub.full().
  void start(EventHub& hub, std::string head, const StreamOpen& open);

  void deliver(const LiveEvent& event) override;

 private:
  void enqueue(std::shared_ptr<const std::string> chunk);
  void write_next();
  void on_write(boost::system::error_code ec, std::size_t bytes);
  void schedule_heartbeat();
  void watch_for_close();
  void close();

  boost::asio::ip::tcp::socket socket_;
  boost::asio::steady_timer heartbeat_;
  // queue_.front() is being written while writing_. Events are shared with every other
  // stream of the page (LiveEvent::wire).
  std::deque<std::shared_ptr<const std::string>> queue_;
  std::size_t queued_bytes_ = 0;
  bool writing_ = false;
  bool closed_ = false;
  std::array<char, 512> sink_{};  // what the reader sends after the request is discarded
  std::unique_ptr<EventHub::Ticket> ticket_;
};

}  // namespace parley::server::live
