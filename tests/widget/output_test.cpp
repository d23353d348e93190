// The hand-written JSON of Output must parse back to exactly what was put in, for
// every byte a string can hold: the host JSON.parse()s it and applies it as is.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/html.hpp"
#include "core/json_writer.hpp"
#include "widget/output.hpp"

using nlohmann::json;
using parley::widget::Output;

namespace {

std::string every_awkward_char() {
  std::string s = "quote\" backslash\\ slash/ newline\n tab\t cr\r ";
  for (char c = 1; c < 0x20; ++c) s.push_back(c);
  s += " \xE2\x80\xA8 line-separator, \xF0\x9F\x98\x80 emoji, </script>";
  return s;
}

}  // namespace

TEST_CASE("patches and effects round-trip through JSON byte for byte") {
  const std::string odd = every_awkward_char();
  Output out;
  out.value("field-text", odd);
  out.attr("field-email", "aria-invalid", std::nullopt);
  out.attr("preview", "hidden", "");
  out.move("form", "reply-slot-7");
  out.focus("field-text");
  out.fetch(3, "POST", "/api/comments?site=a", odd);
  out.fetch(4, "GET", "/api/comments?site=a&page=/");
  out.save_json("parley:author", parley::JsonWriter().string("author", odd).finish());
  out.remove("parley:author");
  out.save_string("parley:login:a", odd);

  const json j = json::parse(out.serialize());
  REQUIRE(j["patches"].size() == 5);
  CHECK(j["patches"][0] == json{{"op", "value"}, {"key", "field-text"}, {"value", odd}});
  CHECK(j["patches"][1] ==
        json::parse(R"({"op":"attr","key":"field-email","name":"aria-invalid","value":null})"));
  CHECK(j["patches"][2] ==
        json::parse(R"({"op":"attr","key":"preview","name":"hidden","value":""})"));
  CHECK(j["patches"][3] == json::parse(R"({"op":"move","key":"form","to":"reply-slot-7"})"));
  CHECK(j["patches"][4] == json::parse(R"({"op":"focus","key":"field-text"})"));
  REQUIRE(j["effects"].size() == 5);
  CHECK(j["effects"][0] == json{{"kind", "fetch"},
                                {"request", 3},
                                {"method", "POST"},
                                {"path", "/api/comments?site=a"},
                                {"body", odd}});
  CHECK_FALSE(j["effects"][1].contains("body"));
  CHECK(j["effects"][2]["value"]["author"] == odd);
  CHECK(j["effects"][3]["value"].is_null());
  CHECK(j["effects"][4]["value"] == odd);
}

TEST_CASE("an empty output is two empty lists") {
  CHECK(Output().serialize() == R"({"patches":[],"effects":[]})");
}

TEST_CASE("status text is escaped as HTML, then as JSON") {
  Output out;
  out.status("<b>\"hi\"</b>");
  CHECK(json::parse(out.serialize())["patches"][0]["html"] == "&lt;b&gt;&quot;hi&quot;&lt;/b&gt;");
}
