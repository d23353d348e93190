// Drives a Widget exactly as web/parley.js does: event JSON in, JSON out, parsed back.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "widget/widget.hpp"

namespace parley::test {

using nlohmann::json;

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
  const json out = json::parse(w.handle(event));
  return {out.at("patches"), out.at("effects")};
}

inline Step send(widget::Widget& w, const json& event) {
  return send_raw(w, event.dump());
}

}  // namespace parley::test
