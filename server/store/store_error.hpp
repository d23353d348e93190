// The one failure a store reports that is not a bug: its database cannot be reached
// right now (PostgreSQL restarting, the network to it down). The request pipeline turns
// it into 503 with Retry-After; every other store exception is a 500.
#pragma once

#include <stdexcept>

namespace parley::server {

class StoreUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace parley::server
