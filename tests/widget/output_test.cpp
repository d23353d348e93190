// The hand-written JSON of Output must parse back to exactly what was put in, for
// every byte a string can hold: the host JSON.parse()s it and applies it as is.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "answer.hpp"
#include "core/html.hpp"
#include "core/json_writer.hpp"
#include "widget/output.hpp"

using nlohmann::json;
using parley::HtmlBuilder;
using parley::SafeHtml;
using parley::test::read_answer;
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

  const json j = read_answer(out.serialize());
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
  CHECK(Output().serialize() == "{\"patches\":[],\"effects\":[]}\n");
}

TEST_CASE("markup goes after the JSON line as it is, each patch saying how many bytes") {
  Output out;
  HtmlBuilder a;
  a.open("p", {{"class", "x \"y\""}}).text("caf\u00e9\nsays \\ \u2603").close("p");
  out.html("thread", std::move(a).finish());
  out.focus("field-text");
  HtmlBuilder b;
  b.text("two");
  out.append("thread", std::move(b).finish());
  out.prepend("root", SafeHtml());
  const std::string first = "<p class=\"x &quot;y&quot;\">caf\u00e9\nsays \\ \u2603</p>";
  CHECK(out.serialize() ==
        R"({"patches":[{"op":"html","key":"thread","bytes":)" + std::to_string(first.size()) +
            R"(},{"op":"focus","key":"field-text"},{"op":"append","key":"thread","bytes":3},)" +
            R"({"op":"prepend","key":"root","bytes":0}],"effects":[]})" + "\n" + first + "two");
}

TEST_CASE("status text is escaped as HTML") {
  Output out;
  out.status("<b>\"hi\"</b>");
  CHECK(read_answer(out.serialize())["patches"][0]["html"] == "&lt;b&gt;&quot;hi&quot;&lt;/b&gt;");
}
