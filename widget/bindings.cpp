// The one embind file: the whole surface the browser sees. JS calls
// `new ParleyWidget().Widget()` once and then, per event, `payload(n)` when the event
// has a large string (a response body, a live event's data, the prerendered thread) and
// `handle(eventJson)`; JSON crosses the boundary, so no C++ type other than Widget is
// bound. docs/widget-protocol.md has the answer's framing.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstddef>
#include <string>
#include <utility>

#include "widget.hpp"

namespace {

// Both buffers are shared by all widgets of a page: WebAssembly runs them one call at
// a time.
//
// The payload comes in through a view of this string that the host fills with one
// TypedArray.set: embind's std::string argument copied a Uint8Array in a JS loop, byte
// by byte (Emscripten 3.1.6), which for a 1,000-comment thread is half a million steps
// before the widget starts. The next handle() takes it.
std::string inbox;

// The answer goes out as a Uint8Array view of its UTF-8 bytes in the wasm memory, which
// the host decodes at once (TextDecoder): embind's std::string return would first scan
// every byte in JS for a NUL (a 1,000-comment thread is 1.4 MB of patches). The view is
// only valid until the next call, and the memory may grow then.
std::string last_answer;

emscripten::val payload(parley::widget::Widget&, std::size_t size) {
  inbox.assign(size, '\0');
  return emscripten::val(emscripten::typed_memory_view(inbox.size(), inbox.data()));
}

emscripten::val handle(parley::widget::Widget& w, const std::string& event_json) {
  last_answer = w.handle(event_json, std::exchange(inbox, std::string()));
  return emscripten::val(emscripten::typed_memory_view(last_answer.size(), last_answer.data()));
}

}  // namespace

EMSCRIPTEN_BINDINGS(parley_widget) {
  emscripten::class_<parley::widget::Widget>("Widget")
      .constructor<>()
      .function("payload", &payload)
      .function("handle", &handle);
}
