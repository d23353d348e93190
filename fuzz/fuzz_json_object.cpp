// Fuzzes core's JSON reading, which replaced nlohmann in the widget (issue 7), against
// nlohmann. The first byte picks the check, the rest is the text:
// - even: JsonObject accepts exactly the objects nlohmann accepts and sees the same
//   members, to any depth: names in the same order, kinds, strings, integers (signed and
//   unsigned, as nlohmann's is_number_integer/unsigned), booleans, array items;
// - odd: parse_event yields the event, field by field, or the error that the nlohmann
//   reading yielded (tests/widget/events_reference.hpp). Texts with a fraction or an
//   exponent may differ where events.cpp documents it (truncated()), and are skipped
//   when they do.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/json_object.hpp"
#include "tests/widget/events_reference.hpp"
#include "widget/events.hpp"

namespace {

using nlohmann::json;
using parley::JsonObject;
using parley::JsonReader;
namespace json_value = parley::json_value;

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_json_object: %s\n", what);
  std::abort();
}

JsonReader::Kind kind_of(const json& v) {
  if (v.is_object()) return JsonReader::Kind::object;
  if (v.is_array()) return JsonReader::Kind::array;
  if (v.is_string()) return JsonReader::Kind::string;
  if (v.is_boolean()) return JsonReader::Kind::boolean;
  if (v.is_null()) return JsonReader::Kind::null;
  return JsonReader::Kind::number;
}

template <class T>
std::optional<T> if_so(bool so, const json& v) {
  return so ? std::optional<T>(v.get<T>()) : std::nullopt;
}

bool same(const json& v, std::string_view text) {
  if (json_value::kind(text) != kind_of(v) ||
      json_value::string(text) != if_so<std::string>(v.is_string(), v) ||
      json_value::integer(text) != if_so<std::int64_t>(v.is_number_integer(), v) ||
      json_value::unsigned_integer(text) != if_so<std::uint64_t>(v.is_number_unsigned(), v) ||
      json_value::boolean(text) != if_so<bool>(v.is_boolean(), v)) {
    return false;
  }
  if (v.is_array()) {
    const std::vector<std::string_view> items = json_value::items(text);
    if (items.size() != v.size()) return false;
    for (std::size_t i = 0; i < items.size(); ++i)
      if (!same(v[i], items[i])) return false;
  }
  if (v.is_object()) {
    JsonObject o;
    if (!o.parse(text) || o.members().size() != v.size()) return false;
    auto it = v.begin();
    for (const auto& [name, value] : o.members()) {
      if (name != it.key() || !same(it.value(), value)) return false;
      ++it;
    }
  }
  return true;
}

bool has_fraction_or_exponent(std::string_view text) {
  for (std::size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == 'e' || c == 'E') && text[i - 1] >= '0' && text[i - 1] <= '9') return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    const json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    JsonObject o;
    const bool ok = o.parse(text);
    if (ok != (!j.is_discarded() && j.is_object())) {
      fail(ok ? "accepted what nlohmann refused" : "refused what nlohmann read");
    }
    if (ok && !same(j, text)) fail("an object differs from nlohmann's");
    return 0;
  }
  const std::string mine = parley::test::describe(parley::widget::parse_event(text));
  const std::string theirs =
      parley::test::describe(parley::test::old_events::reference_parse_event(text));
  if (mine != theirs && !has_fraction_or_exponent(text)) fail("an event differs");
  return 0;
}
