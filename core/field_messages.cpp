#include "field_messages.hpp"

#include <cstdint>
#include <string_view>

#include "i18n.hpp"
#include "limits.hpp"

namespace parley::i18n {

std::string field_error(const FieldError& err) {
  // Invalid UTF-8 cannot be typed; for the reader it is one more unusable character.
  const std::string_view code = err.code == "bad_utf8" ? "invalid" : std::string_view(err.code);
  const std::string key = "error." + err.field + "." + std::string(code);
  std::uint64_t limit = 0;
  if (code == "too_long" && err.field == "text") limit = limits::kMaxTextChars;
  if (code == "too_long" && err.field == "author") limit = limits::kMaxAuthorChars;
  const auto say = [&](const Catalog& c) { return limit != 0 ? c.count(key, limit) : c.text(key); };
  if (!active().has(key) || say(active().english()) != err.message) return err.message;
  return say(active());
}

}  // namespace parley::i18n
