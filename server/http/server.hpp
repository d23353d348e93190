// The HTTP transport: accepts connections and moves requests and responses between
// sockets and api::handle(). Knows nothing about comments.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>

#include "api/context.hpp"

namespace parley::server {

struct HttpOptions {
  bool log_requests = false;  // one line per request on stderr
  // Runs Response::deferred work (calls to identity providers), so the I/O thread goes
  // on serving other requests meanwhile. Null: run it inline (unit tests, tools).
  boost::asio::thread_pool* workers = nullptr;
};

// Binds and listens on `endpoint` (port 0 picks a free one) and starts accepting.
// Returns the bound endpoint. Throws boost::system::system_error when binding fails.
boost::asio::ip::tcp::endpoint start_http(boost::asio::io_context& ioc,
                                          boost::asio::ip::tcp::endpoint endpoint,
                                          Services& services, HttpOptions options);

}  // namespace parley::server
