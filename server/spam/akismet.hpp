// The optional Akismet layer (docs/spam.md): where the owner gives an API key, a comment
// that passed every other layer is sent to Akismet's comment-check
// (https://akismet.com/developers/detailed-docs/comment-check/) before it is shown.
// The call blocks, so it runs on a worker thread (api/akismet_check.cpp), bounded by a
// short timeout; Akismet being down never refuses a post nor makes it wait longer.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "spam/verdict.hpp"

namespace parley::server::spam {

// Akismet answers in a fraction of a second; a reader waits for it to post.
inline constexpr int kDefaultAkismetTimeoutMs = 2000;
inline constexpr int kMaxAkismetTimeoutMs = 10000;
// Its answers are one word plus headers; anything longer is not Akismet.
inline constexpr std::size_t kMaxAkismetAnswerBytes = 4096;

struct AkismetConfig {
  std::string key = {};  // "" turns the layer off
  std::string url = "https://rest.akismet.com";
  int timeout_ms = kDefaultAkismetTimeoutMs;
};

// The held reasons the queue shows.
inline constexpr std::string_view kAkismetSpam = "Akismet";
inline constexpr std::string_view kAkismetDiscard = "Akismet (blatant spam)";
inline constexpr std::string_view kAkismetUnreachable = "Akismet unreachable";

// The form fields of a comment-check call, in the order Akismet documents them.
using AkismetFields = std::vector<std::pair<std::string, std::string>>;

// Posts `fields` (plus api_key) to <url>/1.1/comment-check. "true": hold kAkismetSpam;
// "true" with "X-akismet-pro-tip: discard": spam kAkismetDiscard; "false": accept;
// anything else (an error, a timeout, "invalid" for a bad key): hold
// kAkismetUnreachable, the WordPress plugin's choice, so an outage lets no spam through
// and loses no comment either.
Verdict akismet_check(const AkismetConfig& config, const AkismetFields& fields);

}  // namespace parley::server::spam
