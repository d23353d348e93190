// What one spam layer (docs/spam.md) says about a comment about to be stored.
#pragma once

#include <string>

namespace parley::server::spam {

enum class Outcome {
  accept,  // this layer has nothing against it
  hold,    // stored as pending; the admin queue shows `reason`
  spam,    // stored as spam (the sender is told it awaits moderation, as when held)
  reject,  // not stored: `code` and `message` go back to the sender
};

struct Verdict {
  Outcome outcome = Outcome::accept;
  std::string reason;   // hold, spam: why, as the queue shows it
  std::string code;     // reject: "too_fast", "form_expired", "duplicate", "rate_limited"
  std::string message;  // reject: the sentence the sender reads
  int retry_after = 0;  // reject "rate_limited": seconds

  bool accepted() const { return outcome == Outcome::accept; }
  static Verdict hold(std::string why) { return {Outcome::hold, std::move(why), {}, {}, 0}; }
  static Verdict spam(std::string why) { return {Outcome::spam, std::move(why), {}, {}, 0}; }
  static Verdict reject(std::string code, std::string message, int retry_after = 0) {
    return {Outcome::reject, {}, std::move(code), std::move(message), retry_after};
  }
};

}  // namespace parley::server::spam
