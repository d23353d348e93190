#include "pow_flow.hpp"

#include "api.hpp"
#include "core/json_object.hpp"
#include "core/json_writer.hpp"
#include "core/view_form.hpp"
#include "login_flow.hpp"

namespace parley::widget {

namespace {

constexpr int kOk = 200;

// POST /api/comments (docs/api.md). Members in name order, as nlohmann wrote them.
std::string post_body(const PowState& pow) {
  const Draft& d = pow.draft;
  JsonWriter body;
  body.string("author", d.author).string("email", d.email);
  // Filled in only by programs: the server stores such a post as spam (docs/spam.md).
  if (!pow.honeypot.empty()) body.string(view::kHoneypotField, pow.honeypot);
  if (d.notify_posts) body.boolean("notify_posts", true);
  if (d.notify_replies) body.boolean("notify_replies", true);
  body.string("page", d.page).integer("parent", d.parent);
  if (!pow.off) {
    body.raw("proof",
             JsonWriter().string("challenge", pow.challenge).string("nonce", pow.nonce).finish());
  }
  return body.string("text", d.text).string("title", d.title).string("website", d.website).finish();
}

void post_now(State& s, Output& out) {
  s.pow.waiting = false;
  s.post_request = s.next_request++;
  out.fetch(s.post_request, "POST", api::post_path(s.site), post_body(s.pow), bearer(s));
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
  JsonObject j;
  j.parse(e.body);
  const std::optional<std::int64_t> bits = j.integer("bits");
  if (e.status == kOk && bits) {
    // As nlohmann's get<int>() took it.
    const int n = static_cast<int>(*bits);
    const std::optional<std::string> challenge = j.string("challenge");
    if (n == 0) {
      s.pow.off = true;
    } else if (challenge) {
      s.pow.challenge = *challenge;
      return out.work(s.pow.challenge, n);
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
  JsonObject j;
  if (!j.parse(e.body) || !j.str("error").starts_with("proof_")) return false;
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
