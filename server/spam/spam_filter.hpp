// The spam pipeline (docs/spam.md): every layer, in order, over a comment about to be
// stored. CommentService::post calls it once, after the draft is valid and placed, for
// the JSON API and the plain form alike; the first layer that does not accept decides.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/comment.hpp"
#include "service/rate_limiter.hpp"
#include "spam/akismet.hpp"
#include "spam/blocked_words.hpp"
#include "spam/proof_of_work.hpp"
#include "spam/spam_config.hpp"
#include "spam/verdict.hpp"
#include "store/moderation_store.hpp"

namespace parley::server::spam {

// What the request carried besides the draft.
struct Signals {
  std::string honeypot = {};  // the hidden field's value ("" when empty or absent)
  // The plain form's render token (form_token.hpp); nullopt for the JSON API, whose
  // client is the widget, not a page a program can fill in.
  std::optional<std::string> form_token = std::nullopt;
  // The widget's proof of work (proof_of_work.hpp). The JSON API always sets it (empty
  // when the body had none); nullopt for the plain form, which runs no script to solve
  // one and keeps its own layers.
  std::optional<Proof> proof = std::nullopt;
  // For Akismet: the reader's browser, the page they came from, the site's address.
  std::string user_agent = {};
  std::string referrer = {};
  std::string blog = {};
  // Akismet's answer, once it came (the post path's second pass, api/akismet_check.cpp).
  std::optional<Verdict> akismet = std::nullopt;
};

struct Submission {
  std::string_view site;
  std::string_view client;  // the IP
  const Draft& draft;       // normalised and valid
  const AuthorKeys& author;
  const Signals& signals;
  std::int64_t now = 0;  // Unix seconds
  RateLimiter::Clock::time_point mono_now = {};
};

class SpamFilter {
 public:
  // `secret` signs the plain form's render tokens.
  SpamFilter(SpamConfig config, ModerationStore& store, std::string secret);

  // `charge`: take from the per-author limit (not again on the second pass).
  Verdict check(const Submission& s, bool charge = true);
  // An author's edit of a stored comment meets the layers that judge the words alone
  // (links, blocked words): an edit must not bring in what would have held the comment,
  // or spam could be posted clean and edited afterwards. nullopt: the edit may be
  // saved; else the sentence its author reads (the edit is refused, the comment stays).
  std::optional<std::string> refuse_edit(const Draft& d) const;
  bool wants_akismet() const { return !config_.akismet.key.empty(); }
  // What comment-check is told about the submission.
  AkismetFields akismet_fields(const Submission& s) const;
  // Blocks for up to the configured timeout: call it off the I/O thread. Thread-safe.
  Verdict ask_akismet(const AkismetFields& fields) const {
    return akismet_check(config_.akismet, fields);
  }
  // The token the plain form carries when rendered at `now` (form_token.hpp).
  std::string form_token(std::string_view site, std::int64_t now) const;
  bool honeypot() const { return config_.honeypot; }
  // GET /api/challenge: what the widget solves before it posts.
  Challenge challenge(std::string_view site, std::string_view client, std::int64_t now) {
    return pow_.issue(site, client, now);
  }

 private:
  SpamConfig config_;
  ModerationStore& store_;
  std::string secret_;
  BlockedWords blocked_;
  // Per author (login identity, else email digest): the per-IP limit does not stop
  // one author posting from many addresses.
  RateLimiter identity_limiter_;
  ProofOfWork pow_;
};

}  // namespace parley::server::spam
