#include "auth/secret_rules.hpp"

#include <array>
#include <bitset>

#include "util/text.hpp"

namespace parley::server::auth {
namespace {

// Defaults and placeholders found in sample configs; a secret containing one of them was
// typed by a person, not drawn at random, whatever else is around it.
constexpr std::array<std::string_view, 9> kKnownDefaults = {
    "changeme",    "change-me",   "change_me",   "replace-me",  "replace_me",
    "placeholder", "your-secret", "your_secret", "openssl rand"};

std::size_t distinct_chars(std::string_view s) {
  std::bitset<256> seen;
  for (const char c : s) seen.set(static_cast<unsigned char>(c));
  return seen.count();
}

// True when `s` is one shorter unit repeated ("abcabcabc", "secretsecret...").
bool is_repetition(std::string_view s) {
  for (std::size_t unit = 1; unit <= s.size() / 2; ++unit) {
    if (s.size() % unit != 0) continue;
    bool repeats = true;
    for (std::size_t i = unit; i < s.size() && repeats; ++i) repeats = s[i] == s[i - unit];
    if (repeats) return true;
  }
  return false;
}

}  // namespace

std::string secret_problem(std::string_view secret) {
  if (secret.size() < kMinSecretBytes) {
    return "is shorter than " + std::to_string(kMinSecretBytes) + " characters";
  }
  if (secret == kSecretPlaceholder || secret.find("…") != std::string_view::npos) {
    return "is the placeholder from the documentation";
  }
  const std::string lower = to_lower(secret);
  for (const std::string_view known : kKnownDefaults) {
    if (lower.find(known) != std::string::npos) {
      return "contains the well-known default \"" + std::string(known) + "\"";
    }
  }
  if (is_repetition(lower)) return "is one short pattern repeated";
  if (distinct_chars(secret) < kMinDistinctSecretChars) {
    return "uses fewer than " + std::to_string(kMinDistinctSecretChars) + " different characters";
  }
  return {};
}

}  // namespace parley::server::auth
