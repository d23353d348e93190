// The one embind file: the whole surface the browser sees. JS calls
// `new ParleyWidget().Widget()` once and then only `handle(eventJson, payload)`; JSON
// strings cross the boundary, so no C++ type other than Widget is bound. `payload` is
// the event's one large string ("" for none), kept out of the JSON (events.hpp).
#include <emscripten/bind.h>

#include <string>

#include "widget.hpp"

namespace {

// embind marshals std::string, not std::string_view.
std::string handle(parley::widget::Widget& w, const std::string& event_json,
                   std::string payload) {
  return w.handle(event_json, std::move(payload));
}

}  // namespace

EMSCRIPTEN_BINDINGS(parley_widget) {
  emscripten::class_<parley::widget::Widget>("Widget").constructor<>().function("handle", &handle);
}
