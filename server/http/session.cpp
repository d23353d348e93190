#include "http/session.hpp"

#include <iostream>
#include <sstream>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "api/errors.hpp"
#include "api/pipeline.hpp"
#include "core/limits.hpp"
#include "live/sse_stream.hpp"
#include "server_limits.hpp"

namespace parley::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {

constexpr int kNoContent = 204;
constexpr int kNotModified = 304;

Request to_request(const http::request<http::string_body>& msg, const std::string& client_ip) {
  Request req;
  req.method = std::string(msg.method_string());
  const std::string_view target(msg.target().data(), msg.target().size());
  const std::size_t q = target.find('?');
  req.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) req.query = std::string(target.substr(q + 1));
  for (const auto& field : msg) {
    req.headers.push_back({std::string(field.name_string()), std::string(field.value())});
  }
  req.body = msg.body();
  req.client_ip = client_ip;
  return req;
}

}  // namespace

Session::Session(net::ip::tcp::socket&& socket, Services& services, HttpOptions options)
    : stream_(std::move(socket)), services_(services), options_(options) {
  beast::error_code ec;
  const auto peer = stream_.socket().remote_endpoint(ec);
  client_ip_ = ec ? "unknown" : peer.address().to_string();
}

void Session::run() {
  // Start on the connection's strand, as the Beast examples do, so a future
  // multi-threaded io_context needs no change here.
  net::dispatch(stream_.get_executor(),
                beast::bind_front_handler(&Session::do_read, shared_from_this()));
}

void Session::do_read() {
  parser_.emplace();
  parser_->body_limit(parley::limits::kMaxBodyBytes);
  parser_->header_limit(static_cast<std::uint32_t>(limits::kMaxHeaderBytes));
  stream_.expires_after(limits::kReadTimeout);
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&Session::on_read, shared_from_this()));
}

void Session::on_read(beast::error_code ec, std::size_t) {
  started_ = std::chrono::steady_clock::now();
  if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
      ec == net::error::operation_aborted) {
    return do_close();
  }
  if (ec == http::error::body_limit) {
    Request req;
    req.method = std::string(parser_->get().method_string());
    return do_write(req, reject(ApiError(ErrorCode::too_large, "The request body is too large.")),
                    false, true);
  }
  if (ec) {
    if (ec.category() != http::make_error_code(http::error::bad_target).category()) {
      return do_close();  // connection reset and other socket errors: nobody to answer
    }
    const std::string message = ec == http::error::header_limit
                                    ? "The request headers are too large."
                                    : "The request is not valid HTTP.";
    return do_write(Request{}, reject(ApiError(ErrorCode::bad_request, message)), false, true);
  }
  const http::request<http::string_body>& msg = parser_->get();
  Request req = to_request(msg, client_ip_);
  Response res = handle(req, services_);
  if (res.deferred) return do_deferred(std::move(req), std::move(res), msg.keep_alive());
  do_write(req, std::move(res), msg.keep_alive(), false);
}

void Session::do_deferred(Request req, Response res, bool keep_alive) {
  const std::shared_ptr<const Deferred> work = std::move(res.deferred);
  if (!options_.workers) {
    Response done = work->work();
    if (work->then) done = work->then(std::move(done));
    return do_write(req, std::move(done), keep_alive, false);
  }
  // The session (and with it the socket) stays alive in these handlers; nothing else
  // touches it meanwhile, since it reads the next request only after this response.
  net::post(*options_.workers, [self = shared_from_this(), req = std::move(req), work,
                                keep_alive]() mutable {
    Response done = work->work();
    net::post(self->stream_.get_executor(),
              [self, req = std::move(req), work, done = std::move(done), keep_alive]() mutable {
                if (work->then) done = work->then(std::move(done));
                self->do_write(req, std::move(done), keep_alive, false);
              });
  });
}

void Session::do_write(const Request& req, Response res, bool keep_alive, bool drain) {
  if (options_.log_requests) {
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
            .count();
    // Path only: queries carry page keys readers visited, bodies carry emails.
    std::cerr << (req.method.empty() ? "-" : req.method) << ' '
              << (req.path.empty() ? "-" : req.path) << ' ' << res.status << ' ' << ms << "ms\n";
  }
  if (res.stream && req.method == "GET") return start_stream(std::move(res));
  res_ = {};
  res_.version(11);
  res_.result(static_cast<unsigned>(res.status));
  for (Header& h : res.headers) res_.insert(h.name, std::move(h.value));
  res_.keep_alive(keep_alive);
  if (res.status != kNoContent && res.status != kNotModified) {
    res_.content_length(res.body.size());
    // HEAD: the headers of the GET, without its body.
    if (req.method != "HEAD") res_.body() = std::move(res.body);
  }
  http::async_write(
      stream_, res_,
      beast::bind_front_handler(&Session::on_write, shared_from_this(), keep_alive, drain));
}

void Session::start_stream(Response res) {
  // The head goes out with the stream's first bytes; the socket then belongs to the
  // SseStream, and this session ends once its handler returns. The head has no
  // Content-Length: the body (the events) lasts until either side closes.
  http::response<http::empty_body> head{http::status::ok, 11};
  for (const Header& h : res.headers) head.set(h.name, h.value);
  head.set(http::field::connection, "close");
  std::ostringstream text;
  text << head.base();
  stream_.expires_never();
  auto sse = std::make_shared<live::SseStream>(stream_.release_socket());
  sse->start(*services_.events, std::move(text).str(), *res.stream);
}

void Session::on_write(bool keep_alive, bool drain, beast::error_code ec, std::size_t) {
  if (ec) return do_close();
  if (drain) return do_drain();
  if (!keep_alive) return do_close();
  do_read();
}

void Session::do_drain() {
  // Closing with unread data makes the kernel send RST, which can destroy the response
  // before the client reads it. Half-close, then read what the client is still sending.
  beast::error_code ignored;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_send, ignored);
  stream_.expires_after(limits::kDrainTimeout);
  stream_.async_read_some(net::buffer(drain_buffer_),
                          beast::bind_front_handler(&Session::on_drain, shared_from_this()));
}

void Session::on_drain(beast::error_code ec, std::size_t bytes) {
  drained_ += bytes;
  if (ec || drained_ > limits::kMaxDrainBytes) return do_close();
  stream_.async_read_some(net::buffer(drain_buffer_),
                          beast::bind_front_handler(&Session::on_drain, shared_from_this()));
}

void Session::do_close() {
  beast::error_code ignored;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
  stream_.close();
}

}  // namespace parley::server
