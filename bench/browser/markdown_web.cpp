// The Markdown renderer as a browser module for bench/markdown-browser.mjs: one embind
// function, so each comment crosses the JS/WASM boundary as a widget's preview would
// (JS string in, UTF-8 through linear memory, JS string out).
#include <emscripten/bind.h>

#include <string>

#include "core/markdown.hpp"

namespace {

std::string render(const std::string& source) {
  return parley::markdown::render(source).release();
}

}  // namespace

EMSCRIPTEN_BINDINGS(parley_markdown_bench) {
  emscripten::function("render", &render);
}
