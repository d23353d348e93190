// The one embind file: the whole surface the browser sees. JS calls
// `new ParleyWidget().Widget()` once and then only `handle(eventJson, payload)`; JSON
// crosses the boundary, so no C++ type other than Widget is bound. `payload` is the
// event's one large string ("" for none), kept out of the JSON (events.hpp).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "widget.hpp"

namespace {

// The answer goes out as a Uint8Array view of its UTF-8 bytes in the wasm memory, which
// the host decodes at once (TextDecoder): embind's std::string return would first scan
// every byte in JS for a NUL (a 1,000-comment thread is 1.4 MB of patches). The view is
// only valid until the next call, and the memory may grow then: one buffer serves all
// widgets of the page, as WebAssembly runs them one call at a time.
std::string last_answer;

emscripten::val handle(parley::widget::Widget& w, const std::string& event_json,
                       std::string payload) {
  last_answer = w.handle(event_json, std::move(payload));
  return emscripten::val(emscripten::typed_memory_view(last_answer.size(), last_answer.data()));
}

}  // namespace

EMSCRIPTEN_BINDINGS(parley_widget) {
  emscripten::class_<parley::widget::Widget>("Widget").constructor<>().function("handle", &handle);
}
