// Linear time on hostile input: each case renders a pattern at two sizes and checks
// (a) the work counter stays under a fixed multiple of the input size, and
// (b) doubling the input leaves the work per byte about the same, which a quadratic
// algorithm cannot fake with a large constant. The patterns are the known worst
// cases of Markdown parsers (cmark's and md4c's pathological test suites).
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "core/markdown.hpp"
#include "markdown_html_check.hpp"

namespace {

// Generous: the block pass may re-check a line once per nesting level.
constexpr std::size_t kMaxOpsPerByte = 64;
// A quadratic algorithm doubles its work per byte when the input doubles.
constexpr double kMaxPerByteGrowth = 1.25;
constexpr std::size_t kBaseSize = 100000;

std::string repeat(std::string_view unit, std::size_t bytes) {
  std::string s;
  s.reserve(bytes + unit.size());
  while (s.size() < bytes) s.append(unit);
  return s;
}

std::size_t ops_for(const std::string& input, std::string* html = nullptr) {
  parley::markdown::Stats stats;
  const auto out = parley::markdown::render(input, &stats);
  if (html != nullptr) *html = out.str();
  return stats.ops;
}

void check_linear(const char* name, const std::function<std::string(std::size_t)>& make) {
  const std::string small = make(kBaseSize);
  const std::string large = make(2 * kBaseSize);
  std::string html;
  const std::size_t ops_small = ops_for(small);
  const std::size_t ops_large = ops_for(large, &html);
  INFO(std::string(name) << ": " << ops_small << " ops for " << small.size() << " bytes, "
                         << ops_large << " for " << large.size());
  CHECK(ops_large <= kMaxOpsPerByte * large.size());
  const auto per_byte = [](std::size_t ops, const std::string& in) {
    return static_cast<double>(ops) / static_cast<double>(in.size());
  };
  CHECK(per_byte(ops_large, large) <= kMaxPerByteGrowth * per_byte(ops_small, small));
  CHECK(parley::test::check_markdown_html(html) == "");
}

void check_pattern(const char* name, std::string_view unit) {
  check_linear(name, [unit](std::size_t n) { return repeat(unit, n); });
}

}  // namespace

TEST_CASE("emphasis delimiter runs stay linear") {
  check_pattern("*a **b", "*a **b ");
  check_pattern("**a *b", "**a *b ");
  check_pattern("_a __b", "_a __b ");
  check_pattern("lone *", "*");
  check_pattern("lone _", "a_ ");
  check_pattern("*x* nested", "*a _b ");
  check_pattern("closers only", "a* ");
  check_pattern("rule of 3", "*a** ");
}

TEST_CASE("brackets and link tails stay linear") {
  check_pattern("[[[", "[");
  check_pattern("]]]", "]");
  check_pattern("[a](", "[a](");
  check_pattern("[a](b", "[a](b");
  check_pattern("[]( ", "[]( ");
  check_pattern("unclosed titles", "[a](b \"x ");
  check_pattern("paren titles", "[a](b (x ");
  check_pattern("nested parens in destination", "[a](b(");
  check_pattern("![[", "![[");
  check_linear("[ then ]", [](std::size_t n) { return repeat("[", n / 2) + repeat("]", n / 2); });
  check_linear("[ then ](x)",
               [](std::size_t n) { return repeat("[", n / 2) + repeat("](x)", n / 2); });
}

TEST_CASE("code spans stay linear") {
  check_pattern("single backticks", "`");
  check_pattern("backtick then text", "`a");
  check_linear("growing backtick runs", [](std::size_t n) {
    std::string s;
    for (std::size_t run = 1; s.size() < n; ++run) s += std::string(run, '`') + "a";
    return s;
  });
  check_linear("one long run", [](std::size_t n) { return std::string(n, '`'); });
}

TEST_CASE("block containers stay linear") {
  check_pattern("> on one line", ">");
  check_pattern("> lines", ">>>>>>>>>>>>>>>>>>>>>>>> a\n");
  check_pattern("- on one line", "- ");
  check_pattern("nested list lines", "- - - - - - - - - - - - - - - - - - - - x\n");
  check_pattern("1. on one line", "1. ");
  check_pattern("quote list mix", "> - > 1. ");
  check_pattern("fences", "```\n");
  check_pattern("blank lines", "\n");
  check_pattern("lines", "a\n");
  check_pattern("lazy quote lines", "> a\nb\n");
  check_pattern("indented", "    code\n\n");
  check_linear("deepening list items", [](std::size_t n) {
    std::string s;
    for (std::size_t i = 0; s.size() < n; ++i) s += std::string(2 * (i % 40), ' ') + "- x\n";
    return s;
  });
}

TEST_CASE("autolinks, entities and escapes stay linear") {
  check_pattern("<", "<");
  check_pattern("<a", "<a");
  check_pattern("<http:", "<http:");
  check_pattern("<a@", "<a@b");
  check_pattern("&", "&");
  check_pattern("&#", "&#1");
  check_pattern("\\", "\\");
  check_pattern("www.", "www.");
  check_pattern("www.a.b ", "www.a.b ");
  check_pattern("http://", "http://");
  check_pattern("parens in bare URLs", " https://a.b/)");
  check_linear("1 MB word", [](std::size_t n) { return std::string(5 * n, 'a'); });
  check_linear("1 MB URL", [](std::size_t n) { return "https://a.b/" + std::string(5 * n, 'a'); });
  check_linear("1 MB www", [](std::size_t n) { return "www." + repeat("a.", 5 * n); });
}
