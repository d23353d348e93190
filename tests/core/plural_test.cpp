#include <doctest/doctest.h>

#include <string>

#include "core/plural.hpp"

namespace {

// The categories of 0..n for a language, as one string of initials: easy to compare
// with CLDR's published sample tables.
std::string initials(const char* lang, std::uint64_t from, std::uint64_t to) {
  std::string s;
  for (std::uint64_t n = from; n <= to; ++n) {
    const auto name = parley::plural_category_name(parley::plural_category(lang, n));
    s.push_back(name == "other" ? '-' : name[0]);
  }
  return s;
}

}  // namespace

TEST_CASE("category tables, and the one/other languages") {
  CHECK(initials("en", 0, 3) == "-o--");
  CHECK(initials("ru", 0, 6) == "mofffmm");
  CHECK(initials("ar", 0, 4) == "zotff");
  CHECK(parley::plural_category("en", 1) == parley::PluralCategory::One);
  CHECK(parley::plural_category("en", 0) == parley::PluralCategory::Other);
  CHECK(parley::plural_category("de-AT", 1) == parley::PluralCategory::One);
  CHECK(parley::plural_category("tr", 2) == parley::PluralCategory::Other);
}

TEST_CASE("Russian and Ukrainian: one, few, many") {
  using C = parley::PluralCategory;
  for (const char* lang : {"ru", "uk"}) {
    CAPTURE(lang);
    CHECK(parley::plural_category(lang, 1) == C::One);
    CHECK(parley::plural_category(lang, 21) == C::One);
    CHECK(parley::plural_category(lang, 11) == C::Many);
    CHECK(parley::plural_category(lang, 2) == C::Few);
    CHECK(parley::plural_category(lang, 24) == C::Few);
    CHECK(parley::plural_category(lang, 12) == C::Many);
    CHECK(parley::plural_category(lang, 5) == C::Many);
    CHECK(parley::plural_category(lang, 0) == C::Many);
    CHECK(parley::plural_category(lang, 111) == C::Many);
    CHECK(parley::plural_category(lang, 101) == C::One);
  }
}

TEST_CASE("Polish: only 1 is one; 21 is many") {
  using C = parley::PluralCategory;
  CHECK(parley::plural_category("pl", 1) == C::One);
  CHECK(parley::plural_category("pl", 21) == C::Many);
  CHECK(parley::plural_category("pl", 22) == C::Few);
  CHECK(parley::plural_category("pl", 12) == C::Many);
}

TEST_CASE("Arabic: six forms") {
  using C = parley::PluralCategory;
  CHECK(parley::plural_category("ar", 0) == C::Zero);
  CHECK(parley::plural_category("ar", 1) == C::One);
  CHECK(parley::plural_category("ar", 2) == C::Two);
  CHECK(parley::plural_category("ar", 3) == C::Few);
  CHECK(parley::plural_category("ar", 110) == C::Few);
  CHECK(parley::plural_category("ar", 11) == C::Many);
  CHECK(parley::plural_category("ar", 99) == C::Many);
  CHECK(parley::plural_category("ar", 100) == C::Other);
  CHECK(parley::plural_category("ar", 102) == C::Other);
}

TEST_CASE("French and Portuguese count 0 as one; Portugal does not; millions are many") {
  using C = parley::PluralCategory;
  CHECK(parley::plural_category("fr", 0) == C::One);
  CHECK(parley::plural_category("fr", 2) == C::Other);
  CHECK(parley::plural_category("fr", 1000000) == C::Many);
  CHECK(parley::plural_category("pt-BR", 0) == C::One);
  CHECK(parley::plural_category("pt-PT", 0) == C::Other);
  CHECK(parley::plural_category("es", 0) == C::Other);
  CHECK(parley::plural_category("es", 2000000) == C::Many);
  CHECK(parley::plural_category("it", 1) == C::One);
}

TEST_CASE("Hebrew, Persian, Hindi and the languages without plurals") {
  using C = parley::PluralCategory;
  CHECK(parley::plural_category("he", 2) == C::Two);
  CHECK(parley::plural_category("he", 20) == C::Other);
  CHECK(parley::plural_category("fa", 0) == C::One);
  CHECK(parley::plural_category("hi", 1) == C::One);
  CHECK(parley::plural_category("hi", 2) == C::Other);
  for (const char* lang : {"zh-Hans", "ja", "ko"}) {
    CHECK(parley::plural_category(lang, 1) == C::Other);
  }
}
