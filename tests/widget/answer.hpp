// Reads a widget answer back into one JSON value, as web/host.js does: the JSON line,
// then each html/append/prepend patch's "bytes" taken from the tail as its "html". A
// framing error (no newline, a length past the end, bytes left over) fails the test.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

namespace parley::test {

inline nlohmann::json read_answer(std::string_view answer) {
  const std::size_t line = answer.find('\n');
  REQUIRE(line != std::string_view::npos);
  nlohmann::json out = nlohmann::json::parse(answer.substr(0, line));
  std::size_t at = line + 1;
  for (nlohmann::json& p : out.at("patches")) {
    if (!p.contains("bytes")) continue;
    const std::size_t n = p["bytes"].get<std::size_t>();
    REQUIRE(n <= answer.size() - at);
    p["html"] = std::string(answer.substr(at, n));
    p.erase("bytes");
    at += n;
  }
  REQUIRE(at == answer.size());
  return out;
}

}  // namespace parley::test
