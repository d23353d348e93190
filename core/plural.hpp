// CLDR cardinal plural rules for whole numbers, for every language Parley ships.
//
// "1 blogger likes this" / "5 bloggers like this" is not one string with %d pasted
// in: Russian needs one/few/many, Arabic six forms, Japanese one. Messages pick
// their form by category; the rules are CLDR 44's, restricted to integers (counts
// are never fractional).
#pragma once

#include <cstdint>
#include <string_view>

namespace parley {

enum class PluralCategory { Zero, One, Two, Few, Many, Other };

// `lang` is a BCP 47 tag; only the primary subtag matters ("pt-BR" -> "pt"), except
// Portuguese of Portugal ("pt-PT"), whose "one" is only 1. Unknown languages use
// English's rule.
PluralCategory plural_category(std::string_view lang, std::uint64_t n);

std::string_view plural_category_name(PluralCategory c);  // "zero", "one", ... for catalogs

}  // namespace parley
