// The blocked-words layer (docs/spam.md): the owner lists words and phrases ("casino",
// "cheap pills") that hold a comment for a moderator when its text, name, email or
// website contains one as a whole word, in any letter case.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "spam/verdict.hpp"

namespace parley::server::spam {

// Case folding for matching: ASCII letters and the Latin-1 and Latin Extended-A capitals
// (À-Þ, Ā-ž pairs) become lower case; everything else is kept. Enough for the word
// lists owners write, without a Unicode database in parleyd.
std::string fold_case(std::string_view text);

// True when `word` (already folded) occurs in `folded` with no letter or digit right
// before or after it; bytes of other UTF-8 characters count as letters, so "caf" does
// not match inside "café".
bool contains_word(std::string_view folded, std::string_view word);

class BlockedWords {
 public:
  explicit BlockedWords(const std::vector<std::string>& words);
  // hold "blocked word \"<word>\"" for the first listed word any of `fields` contains.
  Verdict check(const std::vector<std::string_view>& fields) const;

 private:
  std::vector<std::string> words_;  // folded, non-empty
};

}  // namespace parley::server::spam
