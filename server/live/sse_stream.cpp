#include "live/sse_stream.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/write.hpp>

#include "live/live_limits.hpp"

namespace parley::server::live {

namespace net = boost::asio;

namespace {

// A comment line: EventSource ignores it, proxies and NAT see traffic. One string,
// shared by every stream's queue as the events are.
const std::shared_ptr<const std::string>& heartbeat() {
  static const auto text = std::make_shared<const std::string>(": ping\n\n");
  return text;
}

}  // namespace

SseStream::SseStream(net::ip::tcp::socket&& socket)
    : socket_(std::move(socket)), heartbeat_(socket_.get_executor()) {}

void SseStream::start(EventHub& hub, std::string head, const StreamOpen& open) {
  head += "retry: " + std::to_string(limits::kLiveReconnectMs) + "\n";
  // The first bytes after the head, so the browser's `open` fires at once.
  head += *heartbeat();
  enqueue(std::make_shared<const std::string>(std::move(head)));
  for (const LiveEvent& e : open.backlog) enqueue(e.wire);
  ticket_ = hub.subscribe(open.site, open.page, weak_from_this());
  schedule_heartbeat();
  watch_for_close();
}

void SseStream::deliver(const LiveEvent& event) {
  enqueue(event.wire);
}

void SseStream::enqueue(std::shared_ptr<const std::string> chunk) {
  if (closed_) return;
  queued_bytes_ += chunk->size();
  if (queued_bytes_ > limits::kLiveMaxQueuedBytes) return close();
  queue_.push_back(std::move(chunk));
  if (!writing_) write_next();
}

void SseStream::write_next() {
  if (queue_.empty() || closed_) return;
  writing_ = true;
  net::async_write(socket_, net::buffer(*queue_.front()),
                   [self = shared_from_this()](boost::system::error_code ec, std::size_t n) {
                     self->on_write(ec, n);
                   });
}

void SseStream::on_write(boost::system::error_code ec, std::size_t) {
  writing_ = false;
  if (ec) return close();
  queued_bytes_ -= queue_.front()->size();
  queue_.pop_front();
  write_next();
}

void SseStream::schedule_heartbeat() {
  heartbeat_.expires_after(limits::kLiveHeartbeat);
  heartbeat_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
    if (ec || self->closed_) return;
    // Only when idle: a stream busy writing events needs no keep-alive.
    if (!self->writing_) self->enqueue(heartbeat());
    self->schedule_heartbeat();
  });
}

void SseStream::watch_for_close() {
  // A reader sends nothing after its request; a read completing with an error (EOF,
  // reset) means it went away. Anything it does send is discarded.
  socket_.async_read_some(net::buffer(sink_),
                          [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                            if (ec) return self->close();
                            self->watch_for_close();
                          });
}

void SseStream::close() {
  if (closed_) return;
  closed_ = true;
  ticket_.reset();  // leaves the subscriber count now, not when the last handler runs
  heartbeat_.cancel();
  boost::system::error_code ignored;
  socket_.shutdown(net::ip::tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
}

}  // namespace parley::server::live
