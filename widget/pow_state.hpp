// The proof of work of the next post (docs/spam.md, docs/widget-protocol.md).
#pragma once

#include <string>

#include "core/comment.hpp"

namespace parley::widget {

struct PowState {
  int request = 0;        // GET /api/challenge in flight
  std::string challenge;  // being solved, or solved; "" = none yet
  std::string nonce;      // the host's answer; "" while it works
  bool off = false;       // parleyd asked for no proof ({"bits": 0})
  bool waiting = false;   // a submit waits for the proof: `draft` goes once it is ready
  bool retried = false;   // this post already got a fresh proof after a refused one
  Draft draft;            // the post, written with its proof when it goes (pow_flow.cpp)
  std::string honeypot;   // view::kHoneypotField as the reader's browser filled it
};

}  // namespace parley::widget
