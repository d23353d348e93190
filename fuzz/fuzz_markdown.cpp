// Fuzzes the Markdown renderer: any byte string must render without a sanitizer report,
// to HTML that passes the dialect's well-formedness oracle (only Parley's tags, balanced,
// safe hrefs), within a linear work budget (the renderer's own operation count).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/markdown.hpp"
#include "tests/core/markdown_html_check.hpp"

namespace {

// The same per-byte bound as tests/core/markdown_pathological_test.cpp, plus a fixed
// allowance so a one-byte input may still pay the renderer's constant start-up work.
constexpr std::size_t kMaxOpsPerByte = 64;
constexpr std::size_t kFixedOpsAllowance = 4096;

[[noreturn]] void fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "fuzz_markdown: %s: %.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  parley::markdown::Stats stats;
  const auto html = parley::markdown::render(source, &stats);
  if (const std::string problem = parley::test::check_markdown_html(html.str()); !problem.empty()) {
    fail("ill-formed output", problem);
  }
  if (stats.ops > kMaxOpsPerByte * size + kFixedOpsAllowance) {
    fail("superlinear work", std::to_string(stats.ops));
  }
  return 0;
}
