// Drives a Widget exactly as web/host.js does: event JSON in, the answer read back.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "answer.hpp"
#include "core/limits.hpp"
#include "widget/widget.hpp"

namespace parley::test {

using nlohmann::json;
using widget::Widget;

struct Step {
  json patches = json::array();
  json effects = json::array();

  // The first patch with this op and key, or null.
  const json* patch(std::string_view op, std::string_view key) const {
    for (const json& p : patches) {
      if (p["op"] == op && p["key"] == key) return &p;
    }
    return nullptr;
  }
  bool touches(std::string_view key) const {
    for (const json& p : patches) {
      if (p["key"] == key) return true;
    }
    return false;
  }
  std::string html(std::string_view key) const {
    const json* p = patch("html", key);
    return p ? (*p)["html"].get<std::string>() : std::string("<no html patch>");
  }
};

inline Step send_raw(widget::Widget& w, std::string_view event) {
  const json out = read_answer(w.handle(event));
  return {out.at("patches"), out.at("effects")};
}

inline Step send(widget::Widget& w, const json& event) {
  return send_raw(w, event.dump());
}

// Fixtures shared by the state machine tests: a page "/2011/07/raids/" titled "Raids"
// on site "blog", seen at kNow.
constexpr std::int64_t kNow = 1764477923;
constexpr int kMinute = 60;

inline json start_event(json saved = nullptr) {
  return {{"type", "start"},  {"site", "blog"}, {"page", "/2011/07/raids/"},
          {"title", "Raids"}, {"now", kNow},    {"saved", std::move(saved)}};
}

inline json wire(std::int64_t id, std::int64_t parent, int depth, const char* author,
                 std::int64_t age_seconds) {
  return {{"id", id},
          {"parent", parent},
          {"depth", depth},
          {"author", author},
          {"website", ""},
          {"html", std::string("<p>by ") + author + "</p>"},
          {"created", kNow - age_seconds}};
}

inline json response(int request, int status, const json& body) {
  return {{"type", "response"}, {"request", request}, {"status", status}, {"body", body.dump()}};
}

// The first effect of this kind (and, for fetches, whose path starts so), or null.
inline const json* effect(const Step& s, std::string_view kind, std::string_view path_prefix = "") {
  for (const json& e : s.effects) {
    if (e["kind"] == kind &&
        (path_prefix.empty() || e.value("path", "").rfind(path_prefix, 0) == 0)) {
      return &e;
    }
  }
  return nullptr;
}

inline int fetch_id(const Step& s) {
  return s.effects.at(0).at("request").get<int>();
}

// A started widget showing Ana's comment (id 1) with Bo's reply (id 2).
struct Loaded {
  Widget w;
  Loaded() {
    const Step start = send(w, start_event());
    const json thread = {{"page", "/2011/07/raids/"},
                         {"count", 2},
                         {"comments", {wire(1, 0, 0, "Ana", 3 * 3600), wire(2, 1, 1, "Bo", 90)}}};
    send(w, response(fetch_id(start), 200, thread));
  }
};

inline json submit_event(const char* text, const char* author = "Cy",
                         const char* email = "cy@example.org", bool save = true) {
  return {
      {"type", "submit"},
      {"fields",
       {{"text", text}, {"author", author}, {"email", email}, {"website", ""}, {"save", save}}}};
}

// Submits a valid comment and returns the POST's request id.
inline int post(Widget& w, const char* text = "Hello") {
  const Step s = send(w, submit_event(text));
  REQUIRE(s.effects.size() == 1);
  return fetch_id(s);
}

}  // namespace parley::test
