// One connection: transport only. Reads a request (bounded: header and body limits,
// read timeout), hands it to api::handle(), writes the response, and repeats while
// the client keeps the connection alive. One request at a time, in order.
#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "api/message.hpp"
#include "http/server.hpp"

namespace parley::server {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(boost::asio::ip::tcp::socket&& socket, Services& services, HttpOptions options);
  void run();

 private:
  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  // `drain`: the client may still be sending a body we refused; read it away first.
  void do_write(const Request& req, Response res, bool keep_alive, bool drain);
  // Runs res.deferred on the worker pool, then writes its response on this strand.
  void do_deferred(Request req, Response res, bool keep_alive);
  // GET /api/events: hands the socket to a live::SseStream (res.stream says which page).
  void start_stream(Response res);
  void on_write(bool keep_alive, bool drain, boost::beast::error_code ec, std::size_t bytes);
  void do_drain();
  void on_drain(boost::beast::error_code ec, std::size_t bytes);
  void do_close();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  boost::beast::http::response<boost::beast::http::string_body> res_;
  Services& services_;
  HttpOptions options_;
  std::string client_ip_;
  std::chrono::steady_clock::time_point started_;
  std::array<char, 4096> drain_buffer_{};
  std::size_t drained_ = 0;
};

}  // namespace parley::server
