// Fuzzes the widget's one boundary, Widget::handle: the input is a sequence of host
// events, one per line, given to the same widget (so replies to fetches, form input and
// clicks meet every state). Each answer must be of the protocol's shape (a JSON line
// {"patches":[...],"effects":[...]}, then exactly the bytes its markup patches claim,
// docs/widget-protocol.md) — never a crash, an abort from an escaped exception (the WASM
// build has none), or a malformed answer.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

#include "tests/widget/answer.hpp"
#include "widget/widget.hpp"

namespace {

[[noreturn]] void fail(const char* what, std::string_view answer) {
  std::fprintf(stderr, "fuzz_widget_events: %s: %.*s\n", what, static_cast<int>(answer.size()),
               answer.data());
  std::abort();
}

void check_answer(std::string_view answer) {
  try {
    parley::test::read_answer(answer);
  } catch (const std::exception& e) {
    fail(e.what(), answer);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  parley::widget::Widget widget;
  while (!rest.empty()) {
    const std::size_t eol = rest.find('\n');
    const std::string_view event = rest.substr(0, eol);
    rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    check_answer(widget.handle(event));
  }
  return 0;
}
