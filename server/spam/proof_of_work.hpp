// The proof-of-work layer (docs/spam.md): before the widget posts, the reader's browser
// spends a moment finding a nonce (core/proof_of_work.hpp) for a challenge parleyd
// signed. A person posts a few comments and never notices; a program posting thousands
// pays for each, and more the more it sends from one address.
//
// The challenge "<bits>.<expires>.<random>.<mac>" carries everything the check needs,
// HMAC-signed with the server secret together with the site, so parleyd keeps nothing
// per challenge until a proof arrives. Then one HMAC, one SHA-256 and a look-up in the
// spent set decide. The spent set and the per-address counts are in this process's
// memory: several parleyd behind one balancer do not share them (docs/scaling.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "spam/verdict.hpp"

namespace parley::server::spam {

// A person writes for a while after the challenge came (it is fetched at the first
// keystroke); a challenge an hour old is still fine, and the spent set holds each for
// as long, so it is bounded by what one hour's posts can spend.
inline constexpr int kDefaultChallengeSeconds = 60 * 60;
inline constexpr int kMaxChallengeSeconds = 24 * 60 * 60;
// The window in which a sender's posts raise their difficulty.
inline constexpr std::int64_t kVolumeWindowSeconds = 60 * 60;
// Spent challenges kept at most: ~100 bytes each. Past it, a proof is refused until
// old ones expire: only a flood of solved challenges (each one work) fills it.
inline constexpr std::size_t kMaxSpentChallenges = 200000;
// Bounds what a POST body's proof may hold before anything is hashed.
inline constexpr std::size_t kMaxChallengeBytes = 200;
// ~4096 hashes: a few milliseconds of the reader's worker, and a cost on every post.
inline constexpr int kDefaultPowBits = 12;
// ~1M hashes: about a second of a phone's worker, for a sender posting a lot.
inline constexpr int kDefaultPowMaxBits = 20;

struct PowConfig {
  int bits = kDefaultPowBits;  // 0 turns the layer off
  int max_bits = kDefaultPowMaxBits;
  int challenge_seconds = kDefaultChallengeSeconds;  // how long a challenge may be solved
};

struct Challenge {
  std::string text;  // empty when the layer is off
  int bits = 0;
  std::int64_t expires = 0;
};

struct Proof {
  std::string challenge;
  std::string nonce;
};

class ProofOfWork {
 public:
  ProofOfWork(PowConfig config, std::string secret);

  bool enabled() const { return config_.bits > 0; }
  // A fresh challenge for `client` (an IP): bits = base + their posts in the last
  // hour, up to the cap.
  Challenge issue(std::string_view site, std::string_view client, std::int64_t now);
  // accept, or reject "proof_required" / "proof_invalid" / "too_fast" / "proof_expired" /
  // "proof_spent". `min_seconds`: the widget's minimum time, counted from the challenge's
  // issue (it is fetched at the reader's first keystroke; spam.min_form_seconds, as for
  // the plain form). `spent_ok`: the post's second pass (after Akismet) checks the proof
  // it already spent.
  Verdict check(std::string_view site, const Proof& proof, std::int64_t now, int min_seconds,
                bool spent_ok = false);
  // After the post passed every refusal: the challenge cannot be used again, and the
  // sender's next challenge is harder.
  void spend(const Proof& proof, std::string_view client, std::int64_t now);

 private:
  struct Volume {
    std::int64_t since = 0;
    int posts = 0;
  };
  std::string mac(std::string_view site, std::string_view signed_part) const;
  void forget_expired(std::int64_t now);

  PowConfig config_;
  std::string secret_;
  std::unordered_map<std::string, std::int64_t> spent_;  // challenge -> expires
  std::unordered_map<std::string, Volume> volume_;       // client -> posts this window
};

}  // namespace parley::server::spam
