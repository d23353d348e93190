// core's JSON reading and writing against nlohmann, which they replaced in the widget
// (issue 7). JsonObject must see an object as nlohmann's find() saw it (the small
// readers of the widget and the catalogs were written against that); JsonWriter must
// write the bytes nlohmann's dump() wrote (parleyd and the tests read them).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/json_object.hpp"
#include "core/json_writer.hpp"

namespace {

using nlohmann::json;
using parley::JsonObject;
using parley::JsonReader;
using parley::JsonWriter;
namespace json_value = parley::json_value;

JsonReader::Kind kind_of(const json& v) {
  switch (v.type()) {
    case json::value_t::object:
      return JsonReader::Kind::object;
    case json::value_t::array:
      return JsonReader::Kind::array;
    case json::value_t::string:
      return JsonReader::Kind::string;
    case json::value_t::boolean:
      return JsonReader::Kind::boolean;
    case json::value_t::null:
      return JsonReader::Kind::null;
    default:
      return JsonReader::Kind::number;
  }
}

// One value, read both ways, as the widget's readers ask about it.
void check_value(const json& v, std::string_view text) {
  CHECK(json_value::kind(text) == kind_of(v));
  CHECK(json_value::string(text) ==
        (v.is_string() ? std::optional<std::string>(v.get<std::string>()) : std::nullopt));
  CHECK(
      json_value::integer(text) ==
      (v.is_number_integer() ? std::optional<std::int64_t>(v.get<std::int64_t>()) : std::nullopt));
  CHECK(json_value::unsigned_integer(text) ==
        (v.is_number_unsigned() ? std::optional<std::uint64_t>(v.get<std::uint64_t>())
                                : std::nullopt));
  CHECK(json_value::boolean(text) ==
        (v.is_boolean() ? std::optional<bool>(v.get<bool>()) : std::nullopt));
  if (v.is_array()) {
    const std::vector<std::string_view> items = json_value::items(text);
    REQUIRE(items.size() == v.size());
    for (std::size_t i = 0; i < items.size(); ++i) check_value(v[i], items[i]);
  }
  if (v.is_object()) {
    JsonObject o;
    REQUIRE(o.parse(text));
    REQUIRE(o.members().size() == v.size());
    auto it = v.begin();
    for (const auto& member : o.members()) {
      const std::string& name = member.first;  // a plain name: CAPTURE takes it by lambda
      CAPTURE(name);
      CHECK(name == it.key());  // the same names, in the same (sorted) order
      check_value(it.value(), member.second);
      ++it;
    }
  }
}

void check_same(const std::string& text) {
  CAPTURE(text);
  const json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  JsonObject o;
  const bool ok = o.parse(text);
  CHECK(ok == (!j.is_discarded() && j.is_object()));
  if (ok && j.is_object()) check_value(j, text);
  if (!ok) CHECK(o.members().empty());
}

}  // namespace

TEST_CASE("JsonObject sees every object as nlohmann's find() saw it") {
  const std::vector<std::string> texts = {
      "", " ", "null", "[]", "[{}]", "1", "\"x\"", "{}", " { } ", "{}x", "{} {}", "{,}", "{\"a\"}",
      "{\"a\":}", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "{\"a\":1}}", "{\"a\":[}",
      // Duplicates: the last one counts, whatever its type.
      R"({"a":1,"a":"x"})", R"({"a":"x","a":1})", R"({"a":{"b":1},"a":null})",
      R"({"a":true,"b":false,"a":false})", R"({"b":1,"a":2,"c":{"z":1,"y":2,"z":3}})",
      // Names: escapes, order by bytes, non-ASCII, empty.
      R"({"\u0061":1,"a":2})", R"({"":0,"B":1,"a":2,"\u00e9":3,"é":4})", R"({"\ud83d\ude00":1})",
      "{\"a\xC3\":1}", R"({"\ud83d":1})", "{\"a\nb\":1}",
      // Numbers: integers, signed and not, edges of int64 and uint64, floats.
      R"({"n":0,"m":-0,"p":9223372036854775807,"q":-9223372036854775808})",
      R"({"n":9223372036854775808,"m":18446744073709551615,"o":18446744073709551616})",
      R"({"n":-9223372036854775809,"f":1.5,"e":1e3,"E":-2E-2,"z":0.0})", R"({"n":01})",
      R"({"n":-})", R"({"n":1.})", R"({"n":.5})", R"({"n":1e})", R"({"n":+1})",
      // Literals, strings, nesting.
      R"({"t":true,"f":false,"n":null,"s":"a\"b\\c\/d\b\f\n\r\t\u0000\u001f"})", R"({"t":tru})",
      R"({"n":nul})", R"({"t":True})", "{\"s\":\"a\tb\"}",
      R"({"a":[1,"x",[2,[3]],{"k":[]}],"o":{"p":{"q":{"r":{}}}}})", R"({"a":[1,]})",
      R"({"a":[,1]})", "\xEF\xBB\xBF{}", "{\"s\":\"\xF4\x90\x80\x80\"}", "{\"s\":\"\xC0\xAF\"}",
      R"({"s":"\ud800\udc00\udbff\udfff"})", R"({"s":"\udc00"})", R"({"s":"\u12"})"};
  for (const std::string& text : texts) check_same(text);
  // nlohmann refuses a text with a number that overflows a double (found by fuzzing):
  // from 2^1024 - 2^970 on, which rounds to infinity.
  const std::string overflow =
      "17976931348623158079372897140530341507993413271003782693617377898044496829276475094664"
      "90179775872070963302864166928879109465555478519404026306574886715058206819089020007083"
      "83676273854845817711531764475730270069855571366959622842914819860834936475292719074168"
      "444365510704342711559699508093042880177904174497792";
  const std::string just_below = overflow.substr(0, overflow.size() - 1) + "1";
  for (const std::string& n :
       {std::string("1e308"), std::string("1e309"), std::string("-1e400"), std::string("1e-400"),
        std::string("1.7976931348623157e308"), std::string("1.7976931348623159e308"),
        std::string("0e999999999"), std::string("17976931348623158e292"), overflow, "-" + overflow,
        just_below, overflow + ".5", "0." + overflow + "e309", "0." + just_below + "e309",
        "0.000" + overflow + "e312", overflow.substr(0, 50) + "e259", std::string(400, '9'),
        "1" + std::string(308, '0'), "1" + std::string(309, '0')}) {
    check_same(R"({"n":)" + n + "}");
    check_same(R"({"a":[1,{"n":)" + n + "}]}");
  }
  // nlohmann's lexer takes a NUL byte for the end of the input (found by fuzzing).
  check_same(std::string("{\"a\":1} \0 x", 11));
  check_same(std::string("{\"a\":1}\0", 8));
  check_same(std::string("\0{}", 3));
  check_same(std::string("{\"a\":\0}", 7));
  check_same(std::string("{\"a\":\"\0\"}", 8));
}

TEST_CASE("JsonWriter writes what nlohmann's dump() wrote") {
  std::string odd = "quote\" backslash\\ slash/ \b\f\n\r\t \x7F \xE2\x80\xA8 \xF0\x9F\x98\x80 ";
  for (char c = 1; c < 0x20; ++c) odd.push_back(c);
  odd.push_back('\0');
  for (const std::int64_t n :
       {std::int64_t{0}, std::int64_t{-1}, std::int64_t{42},
        std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
    const std::string nested = JsonWriter().string("challenge", odd).string("nonce", "").finish();
    const std::string written = JsonWriter()
                                    .string("author", odd)
                                    .integer("count", n)
                                    .boolean("no", false)
                                    .raw("proof", nested)
                                    .boolean("yes", true)
                                    .finish();
    const json expected = {{"author", odd},
                           {"count", n},
                           {"no", false},
                           {"proof", {{"challenge", odd}, {"nonce", ""}}},
                           {"yes", true}};
    CHECK(written == expected.dump());
  }
  CHECK(JsonWriter().finish() == json::object().dump());
}
