// The HTTP request and response as the API layer sees them: plain values, no sockets
// and no Beast types, so handlers are pure functions of a Request.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parley::server::live {
struct StreamOpen;  // live/stream_open.hpp
}

namespace parley::server {

struct Header {
  std::string name;  // as sent; compared case-insensitively
  std::string value;
};

// First value of a header, or "" when absent.
std::string_view find_header(const std::vector<Header>& headers, std::string_view name);

struct Request {
  std::string method;  // "GET", "POST", ... as sent
  std::string path;    // the target before '?', still percent-encoded
  std::string query;   // the target after '?', still percent-encoded
  std::vector<Header> headers;
  std::string body;
  std::string client_ip;  // the peer address; the rate limiter's key

  std::string_view header(std::string_view name) const { return find_header(headers, name); }
};

struct Deferred;

struct Response {
  int status = 200;
  std::vector<Header> headers;
  std::string body;
  // Set by GET /api/events: after the head, the transport turns the connection into
  // this event stream instead of sending `body`.
  std::shared_ptr<const live::StreamOpen> stream;
  // Set by handlers that must wait for another server (login: identity providers): the
  // transport runs it on a worker thread and sends the response it makes instead, so
  // the thread serving every other request never waits for a provider.
  std::shared_ptr<const Deferred> deferred;

  std::string_view header(std::string_view name) const { return find_header(headers, name); }
  // Replaces any existing header of that name.
  void set(std::string_view name, std::string value);
  void erase(std::string_view name);
};

struct Deferred {
  // Runs off the server's I/O thread; may only use what outlives the request (services),
  // never the handler's Context.
  std::function<Response()> work;
  // When set, runs back on the I/O thread with what `work` made, and its response is
  // sent instead: for what must not run off that thread (the store, live events).
  std::function<Response(Response)> then = nullptr;
};

// A JSON body with its content type (the body is already serialised JSON).
Response json_response(int status, std::string json_body);
// An HTML page or fragment (the no-JavaScript thread, docs/seo-nojs.md).
Response html_response(int status, std::string html_body);

}  // namespace parley::server
