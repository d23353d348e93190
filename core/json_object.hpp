// JsonObject: nlohmann's view of one JSON object, on JsonReader. Every small reader of
// the widget (host events, API answers, catalogs) was written against nlohmann::json's
// find(): each name once, holding the last value written for it, members in name order.
// Reading through this view keeps their behaviour on duplicate or mistyped members
// exactly as it was, without nlohmann in the wasm (json_reader.hpp says why). A value
// is kept as its text and read again when asked for: these bodies are small, and
// nothing is converted that no reader wants.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_reader.hpp"

namespace parley {

// One value's text (a member's, an item's), read again. Each is false / nullopt when
// the value is of another kind, as nlohmann's is_string() and friends were.
namespace json_value {
JsonReader::Kind kind(std::string_view value);
std::optional<std::string> string(std::string_view value);
// is_number_integer(), get<std::int64_t>(): integer tokens up to UINT64_MAX (as int64 bits).
std::optional<std::int64_t> integer(std::string_view value);
// is_number_unsigned(), get<std::uint64_t>(): integer tokens without a minus sign.
std::optional<std::uint64_t> unsigned_integer(std::string_view value);
std::optional<bool> boolean(std::string_view value);
// An array's items, in order; empty when `value` is not an array.
std::vector<std::string_view> items(std::string_view value);
}  // namespace json_value

class JsonObject {
 public:
  using Members = std::map<std::string, std::string_view, std::less<>>;

  // False, with no members, when `text` is not exactly one well-formed JSON object.
  // The members point into `text`, which must outlive them.
  bool parse(std::string_view text);

  const Members& members() const { return members_; }
  // The member's value text; nullptr when there is no such member.
  const std::string_view* find(std::string_view name) const;
  bool contains(std::string_view name) const { return find(name) != nullptr; }
  // Kind::invalid when absent.
  JsonReader::Kind kind(std::string_view name) const;

  // The lenient readings most callers want: "" unless a string, false unless true.
  std::string str(std::string_view name) const;
  bool flag(std::string_view name) const;

  std::optional<std::string> string(std::string_view name) const;
  std::optional<std::int64_t> integer(std::string_view name) const;
  std::optional<std::uint64_t> unsigned_integer(std::string_view name) const;
  std::optional<bool> boolean(std::string_view name) const;
  // The member, when it is an object.
  std::optional<JsonObject> object(std::string_view name) const;

 private:
  Members members_;
};

}  // namespace parley
