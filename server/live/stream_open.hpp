// What GET /api/events hands the transport: "turn this connection into an event stream
// of this page, starting with these missed events". The handler decides (site, page,
// capacity, resume point); the transport only moves bytes (http/session.cpp).
#pragma once

#include <string>
#include <vector>

#include "live/event_hub.hpp"

namespace parley::server::live {

struct StreamOpen {
  std::string site;
  std::string page;
  std::vector<LiveEvent> backlog;  // events after the reader's Last-Event-ID, oldest first
};

}  // namespace parley::server::live
