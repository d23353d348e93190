// Fuzzes the widget's one boundary, Widget::handle: the input is a sequence of host
// events, one per line, given to the same widget (so replies to fetches, form input and
// clicks meet every state). Each answer must be JSON of the protocol's shape
// ({"patches":[...],"effects":[...]}, docs/widget-protocol.md) — never a crash, an abort
// from an escaped exception (the WASM build has none), or a malformed answer.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "widget/widget.hpp"

namespace {

[[noreturn]] void fail(const char* what, std::string_view answer) {
  std::fprintf(stderr, "fuzz_widget_events: %s: %.*s\n", what, static_cast<int>(answer.size()),
               answer.data());
  std::abort();
}

void check_answer(std::string_view answer) {
  const nlohmann::json out = nlohmann::json::parse(answer, nullptr, false);
  if (out.is_discarded()) fail("answer is not JSON", answer);
  if (!out.is_object() || !out.contains("patches") || !out["patches"].is_array() ||
      !out.contains("effects") || !out["effects"].is_array()) {
    fail("answer lacks patches/effects arrays", answer);
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
