#include "json_object.hpp"

namespace parley {

namespace json_value {

JsonReader::Kind kind(std::string_view value) {
  return JsonReader(value).peek();
}

std::optional<std::string> string(std::string_view value) {
  std::string out;
  JsonReader r(value);
  if (!r.read_string(out)) return std::nullopt;
  return out;
}

std::optional<std::int64_t> integer(std::string_view value) {
  std::int64_t out = 0;
  JsonReader r(value);
  if (!r.read_int(out)) return std::nullopt;
  return out;
}

std::optional<std::uint64_t> unsigned_integer(std::string_view value) {
  const std::optional<std::int64_t> v = integer(value);
  if (!v || value.front() == '-') return std::nullopt;
  return static_cast<std::uint64_t>(*v);
}

std::optional<bool> boolean(std::string_view value) {
  bool out = false;
  JsonReader r(value);
  if (!r.read_bool(out)) return std::nullopt;
  return out;
}

std::vector<std::string_view> items(std::string_view value) {
  std::vector<std::string_view> out;
  JsonReader r(value);
  if (!r.begin_array()) return out;
  bool first = true;
  std::string_view item;
  while (r.next_item(first) && r.raw(item)) out.push_back(item);
  if (r.failed()) out.clear();
  return out;
}

}  // namespace json_value

bool JsonObject::parse(std::string_view text) {
  members_.clear();
  JsonReader r(text);
  if (!r.begin_object()) return false;
  bool first = true;
  std::string name;
  std::string_view value;
  while (r.next_member(first, name) && r.raw(value)) members_.insert_or_assign(name, value);
  if (r.done()) return true;
  members_.clear();
  return false;
}

const std::string_view* JsonObject::find(std::string_view name) const {
  const auto it = members_.find(name);
  return it == members_.end() ? nullptr : &it->second;
}

JsonReader::Kind JsonObject::kind(std::string_view name) const {
  const std::string_view* v = find(name);
  return v ? json_value::kind(*v) : JsonReader::Kind::invalid;
}

std::string JsonObject::str(std::string_view name) const {
  return string(name).value_or(std::string());
}

bool JsonObject::flag(std::string_view name) const {
  return boolean(name).value_or(false);
}

std::optional<std::string> JsonObject::string(std::string_view name) const {
  const std::string_view* v = find(name);
  return v ? json_value::string(*v) : std::nullopt;
}

std::optional<std::int64_t> JsonObject::integer(std::string_view name) const {
  const std::string_view* v = find(name);
  return v ? json_value::integer(*v) : std::nullopt;
}

std::optional<std::uint64_t> JsonObject::unsigned_integer(std::string_view name) const {
  const std::string_view* v = find(name);
  return v ? json_value::unsigned_integer(*v) : std::nullopt;
}

std::optional<bool> JsonObject::boolean(std::string_view name) const {
  const std::string_view* v = find(name);
  return v ? json_value::boolean(*v) : std::nullopt;
}

std::optional<JsonObject> JsonObject::object(std::string_view name) const {
  const std::string_view* v = find(name);
  JsonObject o;
  if (!v || !o.parse(*v)) return std::nullopt;
  return o;
}

}  // namespace parley
