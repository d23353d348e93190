#include "spam/honeypot.hpp"

namespace parley::server::spam {

Verdict check_honeypot(std::string_view value) {
  if (value.empty()) return {};
  return Verdict::spam("honeypot field filled in");
}

}  // namespace parley::server::spam
