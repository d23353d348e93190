// Reads a widget answer back into one JSON value, as web/host.js does: the JSON line,
// then each html/append/prepend patch's "bytes" taken from the tail as its "html". A
// framing error (no newline, a length past the end, bytes left over) throws, which
// fails the doctest case or the fuzz target (fuzz_widget_events) that met it.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace parley::test {

inline nlohmann::json read_answer(std::string_view answer) {
  const std::size_t line = answer.find('\n');
  if (line == std::string_view::npos) throw std::runtime_error("answer without its JSON line");
  nlohmann::json out = nlohmann::json::parse(answer.substr(0, line));
  if (!out.is_object() || !out.contains("patches") || !out["patches"].is_array() ||
      !out.contains("effects") || !out["effects"].is_array()) {
    throw std::runtime_error("answer lacks patches/effects arrays");
  }
  std::size_t at = line + 1;
  for (nlohmann::json& p : out["patches"]) {
    if (!p.is_object() || !p.contains("bytes")) continue;
    const std::size_t n = p["bytes"].get<std::size_t>();
    if (n > answer.size() - at) throw std::runtime_error("a patch's bytes run past the answer");
    p["html"] = std::string(answer.substr(at, n));
    p.erase("bytes");
    at += n;
  }
  if (at != answer.size()) throw std::runtime_error("answer bytes no patch claims");
  return out;
}

}  // namespace parley::test
