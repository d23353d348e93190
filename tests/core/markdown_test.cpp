// Input hygiene and API details that spec files cannot express (bytes that are not
// printable in a text file) plus the Stats contract.
#include <doctest/doctest.h>

#include <string>

#include "core/markdown.hpp"

using parley::markdown::render;

namespace {
constexpr std::string_view kRel = "rel=\"nofollow ugc noopener noreferrer\"";
}

TEST_CASE("empty and whitespace-only input renders nothing") {
  CHECK(render("").str() == "");
  CHECK(render(" \n\t\n   \n").str() == "");
}

TEST_CASE("CRLF and CR line endings behave like LF") {
  CHECK(render("a\r\nb\r\n\r\n- x\r\n- y\r\n").str() == render("a\nb\n\n- x\n- y\n").str());
  CHECK(render("a\rb").str() == "<p>a\nb</p>\n");
}

TEST_CASE("NUL bytes and malformed UTF-8 become U+FFFD") {
  CHECK(render(std::string("a\0b", 3)).str() ==
        "<p>a\xEF\xBF\xBD"
        "b</p>\n");
  CHECK(render("bad \xC3\x28 and \xFF end").str() ==
        "<p>bad \xEF\xBF\xBD( and \xEF\xBF\xBD end</p>\n");
}

TEST_CASE("a NUL inside a scheme does not sneak javascript: through") {
  const std::string html = render(std::string("[x](java\0script:alert(1))", 25)).str();
  CHECK(html == "<p>x</p>\n");
}

TEST_CASE("raw control characters in a destination are percent-encoded or refused") {
  CHECK(render("[x](<java\x0Bscript:alert(1)>)").str() == "<p>x</p>\n");
  CHECK(render("[x](</a\x7F"
               "b>)")
            .str() == "<p><a href=\"/a%7Fb\" " + std::string(kRel) + ">x</a></p>\n");
}

TEST_CASE("Stats counts work and accumulates across calls") {
  parley::markdown::Stats stats;
  render("hello *world*", &stats);
  const std::size_t first = stats.ops;
  CHECK(first >= std::string_view("hello *world*").size());
  render("hello *world*", &stats);
  CHECK(stats.ops == 2 * first);
}

TEST_CASE("ordered list start numbers are capped at nine digits") {
  CHECK(render("123456789. a").str() == "<ol start=\"123456789\">\n<li>a</li>\n</ol>\n");
  CHECK(render("1234567890. a").str() == "<p>1234567890. a</p>\n");
}
