// The proof of work (docs/spam.md): at the reader's first keystroke the widget fetches
// a challenge and has the host solve it (a `work` effect, a `worked` event), so the
// proof is usually ready before they send. A submit before then waits for it.
#pragma once

#include "events.hpp"
#include "output.hpp"
#include "state.hpp"

namespace parley::widget {

// Fetches a challenge unless one is in flight, being solved or solved.
void prepare_proof(State& s, Output& out);
void on_challenge_response(State& s, const ResponseEvent& e, Output& out);
void on_worked(State& s, const WorkedEvent& e, Output& out);
// Posts s.pow.draft with the proof when it is ready; otherwise waits for it.
void post_when_proven(State& s, Output& out);
// parleyd refused the proof (expired, spent, ...): once per post, a fresh one and the
// post again. False when this answer is not such a refusal (or the retry was used).
bool retry_refused_proof(State& s, const ResponseEvent& e, Output& out);
// The post was stored: its challenge is spent; the next comment gets a fresh one.
void proof_spent(State& s, Output& out);

}  // namespace parley::widget
