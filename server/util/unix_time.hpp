// The wall clock as the store keeps dates: whole seconds since the Unix epoch, UTC.
#pragma once

#include <chrono>
#include <cstdint>

namespace parley::server {

inline std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace parley::server
