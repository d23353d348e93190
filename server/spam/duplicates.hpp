// The duplicate layer (docs/spam.md): the same text from the same author (login
// identity, email digest or IP digest) on the site within the last hours is refused
// with 409, whether the first copy was shown, held or marked as spam. It catches double
// clicks and bots that repeat themselves.
#pragma once

#include <cstdint>
#include <string_view>

#include "spam/verdict.hpp"
#include "store/moderation_store.hpp"

namespace parley::server::spam {

// `text` is the normalised Markdown source, as stored. hours <= 0: off.
Verdict check_duplicate(ModerationStore& store, std::string_view site, const AuthorKeys& author,
                        std::string_view text, std::int64_t now, int hours);

}  // namespace parley::server::spam
