// parse_event (widget/events.cpp, on core's JsonObject) against the nlohmann reading it
// replaced (events_reference.hpp): every event type, every member missing, mistyped,
// duplicated or odd, nested members too, and broken texts give the same event or the
// same error. Floats are written as a browser writes them (the shortest exact form);
// the one documented difference (events.cpp, truncated()) is checked on its own.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/view_form.hpp"
#include "events_reference.hpp"
#include "widget/events.hpp"

namespace {

using nlohmann::json;
using namespace parley::widget;

void check_same(const std::string& text, const std::string& payload = {}) {
  CAPTURE(text);
  CAPTURE(payload);
  CHECK(parley::test::describe(parse_event(text, payload)) ==
        parley::test::describe(parley::test::old_events::reference_parse_event(text, payload)));
}

// Values a member may hold, as JSON text.
const std::vector<std::string> kOdd = {"null",
                                       "true",
                                       "false",
                                       "0",
                                       "-0",
                                       "1",
                                       "-1",
                                       "7",
                                       "1.5",
                                       "-2.5",
                                       "1e3",
                                       "2E+2",
                                       "-0.0",
                                       "0.001",
                                       "123.456e1",
                                       "9007199254740991",
                                       "9007199254740992",
                                       "9007199254740993.0",
                                       "-9007199254740991",
                                       "-9007199254740992",
                                       "1e300",
                                       "-1e300",
                                       "18446744073709551615",
                                       "18446744073709551616",
                                       "-9223372036854775808",
                                       "-9223372036854775809",
                                       "2147483647",
                                       "2147483648",
                                       "-2147483649",
                                       "\"\"",
                                       "\"x\"",
                                       "\"\\u00e9\\n\\ud83d\\ude00\"",
                                       "[]",
                                       "[\"x\"]",
                                       "{}",
                                       "{\"host\":\"h\",\"software\":\"s\",\"host\":1}",
                                       "{\"author\":\"a\",\"author\":\"b\",\"email\":1}"};

json base(const std::string& type) {
  using namespace parley;
  if (type == "start") {
    return {{"type", "start"},
            {"site", "s"},
            {"page", "/p/"},
            {"title", "T"},
            {"now", 1700000000},
            {"lang", "de"},
            {"strings", "{}"},
            {"prerendered", "{}"},
            {"parts", "share,likes"},
            {"share",
             {{"targets", "x"},
              {"style", "icons"},
              {"via", "v"},
              {"hashtags", "h"},
              {"url", "https://e/"},
              {"title", "t"},
              {"description", "d"},
              {"image", "i"},
              {"can_share", true},
              {"touch", true},
              {"clicks", false},
              {"server", {{"host", "m.example"}, {"software", "mastodon"}}}}},
            {"origin", "https://e"},
            {"token", "tok"},
            {"instance", "m"},
            {"like_token", "lt"},
            {"random", "r"},
            {"catalog", "{}"},
            {"edits", {{"12", {{"token", "t"}, {"until", 5}, {"text", "x"}}}}},
            {"saved", {{"author", "A"}, {"email", "e@x"}, {"website", "w"}}},
            {"pow", true},
            {"api", "https://api"}};
  }
  if (type == "response")
    return {{"type", type}, {"request", 3}, {"status", 200}, {"body", "{}"}, {"retry_after", 9}};
  if (type == "input" || type == "blur") return {{"type", type}, {"field", "f"}, {"value", "v"}};
  if (type == "action") return {{"type", type}, {"action", "reply"}, {"id", 4}, {"value", "v"}};
  if (type == "submit") {
    return {{"type", type},
            {"form", ""},
            {"fields",
             {{"server", "m"},
              {"text", "t"},
              {"author", "a"},
              {"email", "e"},
              {"website", "w"},
              {"save", true},
              {std::string(view::kHoneypotField), "h"},
              {std::string(view::kNotifyField), true},
              {std::string(view::kNotifyPostsField), true}}}};
  }
  if (type == "tick") return {{"type", type}, {"now", 5}};
  if (type == "login")
    return {{"type", type}, {"token", "t"}, {"error", "e"}, {"closed", true}, {"blocked", true}};
  if (type == "live") return {{"type", type}, {"data", "{}"}, {"id", "9"}, {"closed", true}};
  if (type == "copied") return {{"type", type}, {"ok", true}};
  if (type == "spread") return {{"type", type}, {"target", "x"}};
  if (type == "worked") return {{"type", type}, {"challenge", "c"}, {"nonce", "n"}};
  return {{"type", type}};
}

// Every member of every object in `j`, by its path.
void paths(const json& j, json::json_pointer at, std::vector<json::json_pointer>& out) {
  for (const auto& [key, value] : j.items()) {
    out.push_back(at / key);
    if (value.is_object()) paths(value, at / key, out);
  }
}

}  // namespace

TEST_CASE("parse_event reads every member as the nlohmann reading did") {
  for (const std::string type :
       {"start", "response", "input", "blur", "action", "submit", "tick", "login", "live", "copied",
        "spread", "resume", "worked", "nonsense", ""}) {
    const json event = base(type);
    check_same(event.dump());
    check_same(event.dump(2));
    check_same(event.dump(), "PAYLOAD");
    std::vector<json::json_pointer> members;
    paths(event, json::json_pointer(), members);
    for (const json::json_pointer& member : members) {
      json without = event;
      without[member.parent_pointer()].erase(member.back());
      check_same(without.dump());
      check_same(without.dump(), "PAYLOAD");
      for (const std::string& odd : kOdd) {
        json changed = event;
        changed[member] = json::parse(odd);
        check_same(changed.dump());
        // Duplicates, the odd value first and last: the last one counts.
        if (member.parent_pointer().empty()) {
          const std::string rest = event.dump().substr(1);
          const std::string name = json(member.back()).dump();
          check_same("{" + name + ":" + odd + "," + rest);
          check_same(event.dump().substr(0, event.dump().size() - 1) + "," + name + ":" + odd +
                     "}");
        }
      }
    }
  }
}

TEST_CASE("parse_event answers broken texts with the error it gave before") {
  for (const std::string text : {"",
                                 " ",
                                 "null",
                                 "[]",
                                 "\"start\"",
                                 "1",
                                 "{",
                                 "{}",
                                 "{\"type\":\"tick\"",
                                 "{\"type\":}",
                                 "{\"type\":\"tick\",}",
                                 "{\"type\":\"tick\"} x",
                                 "{\"type\":\"tick\"}{}",
                                 "{\"type\":\"tick\",\"now\":01}",
                                 "{\"type\":\"tick\",\"now\":1.}",
                                 "{\"type\":\"tick\",\"now\":NaN}",
                                 "{\"type\":\"tick\",\"now\":1e400}",
                                 "{\"type\":\"tick\",\"x\":[-1e309]}",
                                 "{\"type\":\"tick\",\"now\":Infinity}",
                                 "{\"type\":\"live\",\"data\":\"\\ud800\"}",
                                 "{\"type\":\"live\",\"data\":\"\xC3\"}",
                                 "{\"type\":\"live\",\"data\":\"a\nb\"}",
                                 "{\"type\":\"t\\u0069ck\",\"now\":3}",
                                 "{\"type\":\"tick\",\"type\":\"resume\"}",
                                 "{\"type\":\"resume\",\"type\":1}",
                                 "\xEF\xBB\xBF{\"type\":\"resume\"}",
                                 "{\"type\":\"start\",\"share\":{\"server\":[}}"}) {
    check_same(text);
  }
}

TEST_CASE("a number with a fraction reads as its integer part, worked out from its digits") {
  const auto now = [](const std::string& number) {
    const ParsedEvent p = parse_event(R"({"type":"tick","now":)" + number + "}");
    REQUIRE(p.event);
    return std::get<TickEvent>(*p.event).now;
  };
  CHECK(now("1.9") == 1);
  CHECK(now("-1.9") == -1);
  CHECK(now("12.5e1") == 125);
  CHECK(now("125e-2") == 1);
  CHECK(now("1e16") == 0);  // beyond 2^53: not an integer to a browser
  // Past a double's range the text is not JSON to nlohmann, and not to the widget.
  CHECK(parse_event(R"({"type":"tick","now":1e999999999999})").error ==
        "event is not a JSON object");
  CHECK(now("0e999999999999") == 0);
  // The one difference from nlohmann, which rounded to a double first (and read 1): a
  // browser never writes such a number.
  CHECK(now("0.99999999999999999") == 0);
}
