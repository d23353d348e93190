// Runs every example of every spec file in tests/core/spec (CommonMark's format:
// a fence of 32 backticks and "example", the Markdown, a line ".", the expected
// HTML, the closing fence; "→" stands for a tab). Failures name file and line.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/markdown.hpp"

namespace {

const std::string kFence(32, '`');
const std::string kOpen = kFence + " example";

struct Example {
  std::string file;
  int line = 0;
  std::string markdown;
  std::string html;
};

std::string with_tabs(std::string s) {
  const std::string arrow = "\xE2\x86\x92";  // →
  for (std::size_t at = s.find(arrow); at != std::string::npos; at = s.find(arrow, at + 1)) {
    s.replace(at, arrow.size(), "\t");
  }
  return s;
}

std::vector<Example> load(const std::filesystem::path& path) {
  std::vector<Example> out;
  std::ifstream in(path);
  std::string line;
  int number = 0;
  enum { kOutside, kMarkdown, kHtml } state = kOutside;
  Example current;
  while (std::getline(in, line)) {
    ++number;
    if (state == kOutside) {
      if (line == kOpen) {
        current = Example{path.filename().string(), number, "", ""};
        state = kMarkdown;
      }
    } else if (state == kMarkdown) {
      if (line == ".") {
        state = kHtml;
      } else {
        current.markdown += with_tabs(line) + "\n";
      }
    } else if (line == kFence) {
      out.push_back(current);
      state = kOutside;
    } else {
      current.html += with_tabs(line) + "\n";
    }
  }
  REQUIRE_MESSAGE(state == kOutside, path.string()
                                         << ": unterminated example at line " << current.line);
  return out;
}

std::vector<std::filesystem::path> spec_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(PARLEY_SPEC_DIR)) {
    if (entry.path().extension() == ".md") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("every spec example renders exactly as written") {
  const auto files = spec_files();
  REQUIRE(files.size() >= 8);
  std::size_t examples = 0;
  for (const auto& file : files) {
    const auto cases = load(file);
    CHECK_MESSAGE(!cases.empty(), file.string() << " has no examples");
    for (const Example& ex : cases) {
      ++examples;
      const std::string got = parley::markdown::render(ex.markdown).str();
      CHECK_MESSAGE(got == ex.html, ex.file << ":" << ex.line << "\n--- markdown\n"
                                            << ex.markdown << "--- expected\n"
                                            << ex.html << "--- got\n"
                                            << got);
    }
  }
  MESSAGE(examples << " spec examples in " << files.size() << " files");
}
