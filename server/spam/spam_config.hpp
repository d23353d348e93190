// The spam layers' settings: the "spam" member of the config (docs/configuration.md).
// Every layer can be turned off; the defaults are what a small blog wants.
#pragma once

#include <string>
#include <vector>

#include "spam/akismet.hpp"
#include "spam/proof_of_work.hpp"

namespace parley::server::spam {

// A person reads the page and types: a plain form sent sooner than this after it was
// rendered was sent by a program.
inline constexpr int kDefaultMinFormSeconds = 3;
// As the per-IP post limit (server_limits.hpp): a person writes a few comments a minute.
inline constexpr int kDefaultIdentityPostsPerMinute = 5;
// A reader who sends the same text twice within a day clicked twice or is a bot.
inline constexpr int kDefaultDuplicateHours = 24;
// WordPress holds comments with more than two links by default ("comment_max_links");
// one more leaves room for a link to one's own post and one reference.
inline constexpr int kDefaultMaxLinks = 3;
// Owners' word lists are short; these bound what a config can make every post scan.
inline constexpr std::size_t kMaxBlockedWords = 1000;
inline constexpr std::size_t kMaxBlockedWordBytes = 100;

struct SpamConfig {
  bool honeypot = true;  // the hidden "fax" field of the plain form
  // Seconds between the plain form's render, or the widget's proof-of-work challenge, and
  // the post; 0 turns the check off.
  int min_form_seconds = kDefaultMinFormSeconds;
  // Posts per minute per author (login identity, else email): 0 = unlimited.
  int identity_posts_per_minute = kDefaultIdentityPostsPerMinute;
  // Same text by the same author on the site within this many hours: 409; 0 = off.
  int duplicate_hours = kDefaultDuplicateHours;
  // More links than this holds the comment; -1 = no limit.
  int max_links = kDefaultMaxLinks;
  // Words or phrases that hold a comment (case-insensitive, whole words).
  std::vector<std::string> blocked_words = {};
  AkismetConfig akismet = {};  // off without a key
  PowConfig pow = {};          // the widget's proof of work (spam/proof_of_work.hpp)
};

}  // namespace parley::server::spam
