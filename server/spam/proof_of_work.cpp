#include "spam/proof_of_work.hpp"

#include <algorithm>
#include <charconv>

#include "auth/crypto.hpp"
#include "core/proof_of_work.hpp"
#include "server_limits.hpp"

namespace parley::server::spam {
namespace {

bool parse_int64(std::string_view text, std::int64_t& out) {
  if (text.empty() || text.size() > 19) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && out >= 0;
}

}  // namespace

ProofOfWork::ProofOfWork(PowConfig config, std::string secret)
    : config_(config), secret_(std::move(secret)) {}

// Domain-separated from every other use of the secret (form tokens, sessions, digests).
std::string ProofOfWork::mac(std::string_view site, std::string_view signed_part) const {
  std::string input = "parley-pow:";
  input += std::to_string(site.size());
  input += ':';
  input += site;
  input += ':';
  input += signed_part;
  return auth::base64url_encode(auth::hmac_sha256(secret_, input));
}

Challenge ProofOfWork::issue(std::string_view site, std::string_view client, std::int64_t now) {
  if (!enabled()) return {};
  int posts = 0;
  if (const auto v = volume_.find(std::string(client));
      v != volume_.end() && now - v->second.since < kVolumeWindowSeconds) {
    posts = v->second.posts;
  }
  // Each post of the last hour doubles the next one's work.
  const int bits = std::min(config_.max_bits, config_.bits + posts);
  const std::int64_t expires = now + config_.challenge_seconds;
  // base64url has no '.', so the parts split unambiguously.
  std::string text =
      std::to_string(bits) + "." + std::to_string(expires) + "." + auth::random_token(12);
  text += "." + mac(site, text);
  return {std::move(text), bits, expires};
}

Verdict ProofOfWork::check(std::string_view site, const Proof& proof, std::int64_t now,
                           int min_seconds, bool spent_ok) {
  if (proof.challenge.empty() || proof.nonce.empty()) {
    return Verdict::reject("proof_required",
                           "Your browser did not prove its work for this comment. Please "
                           "reload the page and send it again.");
  }
  const Verdict invalid = Verdict::reject(
      "proof_invalid", "This comment's proof of work is not valid. Please send it again.");
  const std::string_view c = proof.challenge;
  if (c.size() > kMaxChallengeBytes || proof.nonce.size() > parley::pow::kMaxNonceDigits)
    return invalid;
  const std::size_t last_dot = c.rfind('.');
  if (last_dot == std::string_view::npos) return invalid;
  if (!auth::constant_time_equal(c.substr(last_dot + 1), mac(site, c.substr(0, last_dot)))) {
    return invalid;
  }
  // Signed by us, so well formed: "<bits>.<expires>.<random>".
  const std::size_t first_dot = c.find('.');
  const std::size_t second_dot = c.find('.', first_dot + 1);
  std::int64_t bits = 0;
  std::int64_t expires = 0;
  if (second_dot >= last_dot || !parse_int64(c.substr(0, first_dot), bits) ||
      !parse_int64(c.substr(first_dot + 1, second_dot - first_dot - 1), expires)) {
    return invalid;
  }
  // Issued challenge_seconds before it expires. The proof is not spent here, so the same
  // one posts once the reader sends again a moment later.
  if (now - (expires - config_.challenge_seconds) < min_seconds) {
    return Verdict::reject("too_fast",
                           "You sent this comment very quickly. Please wait a few seconds and "
                           "send it again.");
  }
  if (expires < now) {
    return Verdict::reject("proof_expired",
                           "This comment's proof of work has expired. Please send it again.");
  }
  if (!spent_ok && spent_.contains(proof.challenge)) {
    return Verdict::reject("proof_spent",
                           "This proof of work was already used. Please send the comment again.");
  }
  if (!parley::pow::proof_holds(c, proof.nonce, static_cast<int>(bits))) return invalid;
  if (!spent_ok) forget_expired(now);
  if (!spent_ok && spent_.size() >= kMaxSpentChallenges) {
    // Full of live entries: only a flood of solved challenges gets here.
    return Verdict::reject("rate_limited",
                           "You are posting comments too quickly. Please wait a moment.", 60);
  }
  return {};
}

void ProofOfWork::spend(const Proof& proof, std::string_view client, std::int64_t now) {
  forget_expired(now);
  spent_.emplace(proof.challenge, now + config_.challenge_seconds);
  const std::string key(client);
  auto v = volume_.find(key);
  if (v == volume_.end()) {
    if (volume_.size() >= limits::kMaxTrackedClients) return;  // counted again once old ones go
    v = volume_.emplace(key, Volume{now, 0}).first;
  }
  if (now - v->second.since >= kVolumeWindowSeconds) v->second = Volume{now, 0};
  ++v->second.posts;
}

void ProofOfWork::forget_expired(std::int64_t now) {
  // Amortised: a sweep only when the set is full, and each sweep frees what expired.
  if (spent_.size() < kMaxSpentChallenges && volume_.size() < limits::kMaxTrackedClients) return;
  std::erase_if(spent_, [now](const auto& entry) { return entry.second < now; });
  std::erase_if(volume_, [now](const auto& entry) {
    return now - entry.second.since >= kVolumeWindowSeconds;
  });
}

}  // namespace parley::server::spam
