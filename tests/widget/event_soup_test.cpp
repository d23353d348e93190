// Robustness at the boundary: whatever sequence of events arrives, in whatever shape,
// handle() answers with well-formed output and the widget keeps working. Run under
// ASan/UBSan natively, this also shows no event reaches memory it should not.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "widget_test_util.hpp"

using parley::test::json;
using parley::test::read_answer;

namespace {

// Deterministic so a failure reproduces (xorshift64*).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 2685821657736338717ULL;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

 private:
  std::uint64_t state_;
};

constexpr int kEvents = 1000;

json any_value(Rng& r) {
  switch (r.below(7)) {
    case 0:
      return nullptr;
    case 1:
      return static_cast<std::int64_t>(r.below(5)) - 1;
    case 2:
      return r.below(2) == 0;
    case 3:
      return "x\"<b>\n";
    case 4:
      return json::array({1, "a"});
    case 5:
      return json::object({{"author", 3}});
    default:
      return std::string(r.below(40), '*');
  }
}

// Events of every type with members that are sometimes right and sometimes not, and
// responses to the requests the widget may or may not be waiting for.
json random_event(Rng& r) {
  static const char* kTypes[] = {"start",  "response", "input", "blur",
                                 "action", "submit",   "tick",  "?"};
  static const char* kFields[] = {"text", "author", "email", "website", "save", "nope"};
  static const char* kActions[] = {"reply", "cancel", "preview", "write", "dance"};
  static const int kStatuses[] = {0, 200, 201, 400, 404, 429, 500};
  json e = {{"type", kTypes[r.below(8)]}};
  e["site"] = "s";
  e["page"] = r.below(4) == 0 ? any_value(r) : json("/p/");
  e["now"] = 1764477923 + static_cast<std::int64_t>(r.below(100000));
  e["request"] = static_cast<int>(r.below(6));
  e["status"] = kStatuses[r.below(7)];
  const json comments = {{"comments",
                          {{{"id", 1 + r.below(3)},
                            {"parent", r.below(3)},
                            {"author", "A"},
                            {"html", "<p>x</p>"},
                            {"created", 1764470000}}}}};
  switch (r.below(4)) {
    case 0:
      e["body"] = comments.dump();
      break;
    case 1:
      e["body"] = comments["comments"][0].dump();
      break;
    case 2:
      e["body"] = R"({"errors":[{"field":"email","message":"m"},7]})";
      break;
    default:
      e["body"] = any_value(r).dump();
  }
  e["field"] = kFields[r.below(6)];
  e["value"] = r.below(5) == 0 ? any_value(r) : json("some *text*");
  e["action"] = kActions[r.below(5)];
  e["id"] = r.below(5) == 0 ? any_value(r) : json(r.below(4));
  e["fields"] = {{"text", r.below(3) == 0 ? json("") : json("Hi")},
                 {"author", "Ana"},
                 {"email", r.below(3) == 0 ? any_value(r) : json("a@b.example")},
                 {"website", ""},
                 {"save", any_value(r)}};
  return e;
}

}  // namespace

TEST_CASE("any sequence of events yields well-formed output") {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    CAPTURE(seed);
    Rng rng(seed);
    parley::widget::Widget w;
    for (int i = 0; i < kEvents; ++i) {
      const std::string event =
          rng.below(20) == 0 ? std::string(rng.below(9), '{') : random_event(rng).dump();
      const json out = read_answer(w.handle(event));  // well-framed, or the test fails
      REQUIRE(out["patches"].is_array());
      REQUIRE(out["effects"].is_array());
      for (const json& p : out["patches"]) REQUIRE(p["key"].is_string());
    }
  }
}
