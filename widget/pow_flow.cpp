#include "pow_flow.hpp"

#include "api.hpp"
#include "login_flow.hpp"

namespace parley::widget {

namespace {

constexpr int kOk = 200;

void post_now(State& s, Output& out) {
  s.pow.waiting = false;
  nlohmann::json body = s.pow.draft;
  if (!s.pow.off) body["proof"] = {{"challenge", s.pow.challenge}, {"nonce", s.pow.nonce}};
  s.post_request = s.next_request++;
  out.fetch(s.post_request, "POST", api::post_path(s.site), body.dump(), bearer(s));
}

bool ready(const State& s) {
  return s.pow.off || !s.pow.nonce.empty();
}

}  // namespace

void prepare_proof(State& s, Output& out) {
  if (s.pow.off || s.pow.request != 0 || !s.pow.challenge.empty()) return;
  s.pow.request = s.next_request++;
  out.fetch(s.pow.request, "GET", api::challenge_path(s.site));
}

void on_challenge_response(State& s, const ResponseEvent& e, Output& out) {
  s.pow.request = 0;
  const auto j = nlohmann::json::parse(e.body, nullptr, /*allow_exceptions=*/false);
  const auto bits = j.is_object() ? j.find("bits") : j.end();
  const auto challenge = j.is_object() ? j.find("challenge") : j.end();
  if (e.status == kOk && bits != j.end() && bits->is_number_integer()) {
    if (bits->get<int>() == 0) {
      s.pow.off = true;
    } else if (challenge != j.end() && challenge->is_string()) {
      s.pow.challenge = challenge->get<std::string>();
      return out.work(s.pow.challenge, bits->get<int>());
    }
  }
  // Off, or no challenge (parleyd unreachable): a waiting post goes as it is, and
  // parleyd's answer says what is wrong.
  if (s.pow.waiting) post_now(s, out);
}

void on_worked(State& s, const WorkedEvent& e, Output& out) {
  if (e.challenge.empty() || e.challenge != s.pow.challenge) return;  // an older one's
  s.pow.nonce = e.nonce;
  // Unsolved: the next submit fetches a fresh challenge; a waiting post goes as it is,
  // and parleyd's refusal brings its one retry.
  if (e.nonce.empty()) s.pow.challenge.clear();
  if (s.pow.waiting) post_now(s, out);
}

void post_when_proven(State& s, Output& out) {
  s.pow.retried = false;
  if (ready(s)) return post_now(s, out);
  s.pow.waiting = true;
  prepare_proof(s, out);
}

bool retry_refused_proof(State& s, const ResponseEvent& e, Output& out) {
  if (s.pow.retried || s.pow.off || e.status < 400 || e.status > 409) return false;
  const auto j = nlohmann::json::parse(e.body, nullptr, /*allow_exceptions=*/false);
  const auto error = j.is_object() ? j.find("error") : j.end();
  if (error == j.end() || !error->is_string() || !error->get<std::string>().starts_with("proof_")) {
    return false;
  }
  s.pow.retried = true;
  s.pow.challenge.clear();
  s.pow.nonce.clear();
  s.pow.waiting = true;
  prepare_proof(s, out);
  return true;
}

void proof_spent(State& s, Output& out) {
  if (s.pow.off) return;
  s.pow.challenge.clear();
  s.pow.nonce.clear();
  prepare_proof(s, out);
}

}  // namespace parley::widget
