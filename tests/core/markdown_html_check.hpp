// Test helper: checks that renderer output is well-formed and within the dialect
// (only Parley's tags and attributes, balanced, safe hrefs, no raw '<' or '&').
#pragma once

#include <string>
#include <string_view>

namespace parley::test {

// Returns "" when `html` passes, else a description of the first problem.
std::string check_markdown_html(std::string_view html);

}  // namespace parley::test
