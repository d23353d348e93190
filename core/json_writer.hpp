// Writing JSON by hand: the widget's request bodies and saved values, and the protocol
// output (widget/output.cpp). These are a few flat objects of strings, integers and
// booleans, so a tree (nlohmann::json and its dump(), ~20 KB of wasm with the printf it
// needs for numbers) buys nothing. The bytes are the ones nlohmann's dump() wrote:
// the same escapes, no spaces, and callers add members in name order (nlohmann's
// objects are sorted maps), so parleyd and the tests see exactly what they saw.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley {

// `s` as a JSON string: '"', '\' and control characters escaped (\b \t \n \f \r, else
// \u00XX); everything else, non-ASCII included, as it is. `s` must be valid UTF-8, as
// every string the widget holds is (JsonReader checks what comes in).
void append_json_string(std::string& out, std::string_view s);

// One object, member by member.
class JsonWriter {
 public:
  JsonWriter& string(std::string_view name, std::string_view value);
  JsonWriter& integer(std::string_view name, std::int64_t value);
  JsonWriter& boolean(std::string_view name, bool value);
  // `json`: a value already written (a nested object).
  JsonWriter& raw(std::string_view name, std::string_view json);
  std::string finish();

 private:
  void name(std::string_view n);
  std::string out_ = "{";
};

}  // namespace parley
