// The proof of work (docs/spam.md, docs/widget-protocol.md): the first keystroke fetches
// a challenge, the host solves it (`work` -> `worked`), the post carries the proof; a
// submit before then waits; a refused proof gets one fresh challenge.
#include "widget_test_util.hpp"

using namespace parley::test;

namespace {

const json kChallenge = {{"challenge", "12.1764481523.abc.mac"}, {"bits", 12}, {"expires", 1}};

// A loaded widget whose host can solve proofs (start's "pow": true).
struct Proving {
  Widget w;
  Proving() {
    json start = start_event();
    start["pow"] = true;
    const Step s = send(w, start);
    send(w, response(fetch_id(s), 200,
                     {{"page", "/2011/07/raids/"}, {"count", 0}, {"comments", json::array()}}));
  }
  // Types a first letter: returns the GET /api/challenge request id.
  int type() {
    const Step s = send(w, {{"type", "input"}, {"field", "text"}, {"value", "H"}});
    const json* f = effect(s, "fetch", "/api/challenge?site=blog");
    REQUIRE(f);
    CHECK((*f)["method"] == "GET");
    return (*f)["request"].get<int>();
  }
};

json proof_of(const Step& s) {
  const json* f = effect(s, "fetch", "/api/comments?site=blog");
  REQUIRE(f);
  return json::parse((*f)["body"].get<std::string>())["proof"];
}

}  // namespace

TEST_CASE("the first keystroke fetches a challenge and the host is asked to solve it") {
  Proving p;
  const Step s = send(p.w, response(p.type(), 200, kChallenge));
  const json* work = effect(s, "work");
  REQUIRE(work);
  CHECK((*work)["challenge"] == "12.1764481523.abc.mac");
  CHECK((*work)["bits"] == 12);
  // More typing fetches nothing more.
  CHECK(send(p.w, {{"type", "input"}, {"field", "text"}, {"value", "He"}}).effects.empty());
}

TEST_CASE("a post after the proof came carries it; the next comment gets a fresh challenge") {
  Proving p;
  send(p.w, response(p.type(), 200, kChallenge));
  CHECK(send(p.w, {{"type", "worked"}, {"challenge", "12.1764481523.abc.mac"}, {"nonce", "77"}})
            .effects.empty());
  const Step sent = send(p.w, submit_event("Hello"));
  CHECK(proof_of(sent) == json{{"challenge", "12.1764481523.abc.mac"}, {"nonce", "77"}});
  const Step done = send(p.w, response(fetch_id(sent), 201, wire(3, 0, 0, "Cy", 0)));
  CHECK(done.html("status") == "Your comment was posted.");
  CHECK(effect(done, "fetch", "/api/challenge?site=blog"));
}

TEST_CASE("a submit before the proof is ready waits, posting, until the host answers") {
  Proving p;
  const int challenge = p.type();
  const Step sent = send(p.w, submit_event("Hello"));
  CHECK(sent.html("status") == "Posting your comment\u2026");
  CHECK((*sent.patch("attr", "submit"))["name"] == "disabled");
  CHECK_FALSE(effect(sent, "fetch"));
  CHECK(send(p.w, submit_event("again")).effects.empty());
  send(p.w, response(challenge, 200, kChallenge));
  // An answer for another challenge is not this one's.
  CHECK(send(p.w, {{"type", "worked"}, {"challenge", "old"}, {"nonce", "1"}}).effects.empty());
  const Step worked =
      send(p.w, {{"type", "worked"}, {"challenge", "12.1764481523.abc.mac"}, {"nonce", "5"}});
  CHECK(proof_of(worked)["nonce"] == "5");
}

TEST_CASE("a refused proof gets one fresh challenge and the post again, then the error shows") {
  Proving p;
  send(p.w, response(p.type(), 200, kChallenge));
  send(p.w, {{"type", "worked"}, {"challenge", "12.1764481523.abc.mac"}, {"nonce", "5"}});
  const int first = fetch_id(send(p.w, submit_event("Hello")));
  const json spent = {{"error", "proof_spent"},
                      {"message", "This proof of work was already used."}};
  const Step again = send(p.w, response(first, 409, spent));
  CHECK_FALSE(again.patch("attr", "submit"));  // still posting
  const json* fetch = effect(again, "fetch", "/api/challenge?site=blog");
  REQUIRE(fetch);
  const json fresh = {{"challenge", "12.2.fresh.mac"}, {"bits", 12}};
  send(p.w, response((*fetch)["request"].get<int>(), 200, fresh));
  const Step resent =
      send(p.w, {{"type", "worked"}, {"challenge", "12.2.fresh.mac"}, {"nonce", "9"}});
  CHECK(proof_of(resent) == json{{"challenge", "12.2.fresh.mac"}, {"nonce", "9"}});
  const Step refused = send(p.w, response(fetch_id(resent), 409, spent));
  CHECK((*refused.patch("attr", "submit"))["value"].is_null());
  CHECK(refused.html("status").find("already used") != std::string::npos);
}

TEST_CASE("with the layer off ({\"bits\": 0}) posts go without a proof") {
  Proving p;
  CHECK_FALSE(effect(send(p.w, response(p.type(), 200, {{"bits", 0}})), "work"));
  const Step sent = send(p.w, submit_event("Hello"));
  CHECK(proof_of(sent).is_null());
}

TEST_CASE("a host without the solver never fetches a challenge") {
  Loaded l;
  CHECK(send(l.w, {{"type", "input"}, {"field", "text"}, {"value", "H"}}).effects.empty());
  CHECK(proof_of(send(l.w, submit_event("Hello"))).is_null());
}
