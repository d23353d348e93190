#include "http/listener.hpp"

#include <iostream>

#include <boost/asio/strand.hpp>

#include "http/session.hpp"

namespace parley::server {

namespace net = boost::asio;
using tcp = net::ip::tcp;

Listener::Listener(net::io_context& ioc, tcp::endpoint endpoint, Services& services,
                   HttpOptions options)
    : ioc_(ioc), acceptor_(ioc), services_(services), options_(options) {
  acceptor_.open(endpoint.protocol());
  // A restarted parleyd must not wait out TIME_WAIT sockets of its predecessor.
  acceptor_.set_option(net::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(net::socket_base::max_listen_connections);
}

void Listener::do_accept() {
  acceptor_.async_accept(
      net::make_strand(ioc_),
      [self = shared_from_this()](boost::system::error_code ec, tcp::socket socket) {
        self->on_accept(ec, std::move(socket));
      });
}

void Listener::on_accept(boost::system::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted) return;  // shutting down
  if (ec) {
    // Out of file descriptors and the like: report, keep accepting.
    std::cerr << "parleyd: accept: " << ec.message() << '\n';
  } else {
    std::make_shared<Session>(std::move(socket), services_, options_)->run();
  }
  do_accept();
}

tcp::endpoint start_http(net::io_context& ioc, tcp::endpoint endpoint, Services& services,
                         HttpOptions options) {
  auto listener = std::make_shared<Listener>(ioc, endpoint, services, options);
  listener->run();
  return listener->local_endpoint();
}

}  // namespace parley::server
