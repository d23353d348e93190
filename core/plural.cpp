#include "plural.hpp"

#include <string>

namespace parley {
namespace {

using C = PluralCategory;

std::string primary_subtag(std::string_view lang) {
  std::string p;
  for (const char c : lang) {
    if (c == '-' || c == '_') break;
    p.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return p;
}

bool in(std::uint64_t v, std::uint64_t lo, std::uint64_t hi) {
  return v >= lo && v <= hi;
}

// Slavic one/few/many (ru, uk; pl differs only in "one").
C east_slavic(std::uint64_t n) {
  if (n % 10 == 1 && n % 100 != 11) return C::One;
  if (in(n % 10, 2, 4) && !in(n % 100, 12, 14)) return C::Few;
  return C::Many;
}

C polish(std::uint64_t n) {
  if (n == 1) return C::One;
  if (in(n % 10, 2, 4) && !in(n % 100, 12, 14)) return C::Few;
  return C::Many;
}

C arabic(std::uint64_t n) {
  if (n == 0) return C::Zero;
  if (n == 1) return C::One;
  if (n == 2) return C::Two;
  if (in(n % 100, 3, 10)) return C::Few;
  if (in(n % 100, 11, 99)) return C::Many;
  return C::Other;
}

// French, Spanish, Italian and Portuguese name round millions ("de millions") apart.
bool is_million_multiple(std::uint64_t n) {
  return n != 0 && n % 1000000 == 0;
}

}  // namespace

PluralCategory plural_category(std::string_view lang, std::uint64_t n) {
  const std::string p = primary_subtag(lang);
  if (p == "zh" || p == "ja" || p == "ko") return C::Other;
  if (p == "ru" || p == "uk") return east_slavic(n);
  if (p == "pl") return polish(n);
  if (p == "ar") return arabic(n);
  if (p == "he") return n == 1 ? C::One : n == 2 ? C::Two : C::Other;
  if (p == "fa" || p == "hi") return n <= 1 ? C::One : C::Other;
  if (p == "fr") return n <= 1 ? C::One : is_million_multiple(n) ? C::Many : C::Other;
  if (p == "pt") {
    const bool portugal = lang.size() >= 5 && (lang.substr(3) == "PT" || lang.substr(3) == "pt");
    if (portugal ? n == 1 : n <= 1) return C::One;
    return is_million_multiple(n) ? C::Many : C::Other;
  }
  if (p == "es" || p == "it") return n == 1 ? C::One : is_million_multiple(n) ? C::Many : C::Other;
  // en, de, nl, tr and every language with the one/other split on 1.
  return n == 1 ? C::One : C::Other;
}

std::string_view plural_category_name(PluralCategory c) {
  switch (c) {
    case C::Zero:
      return "zero";
    case C::One:
      return "one";
    case C::Two:
      return "two";
    case C::Few:
      return "few";
    case C::Many:
      return "many";
    case C::Other:
      return "other";
  }
  return "other";
}

}  // namespace parley
