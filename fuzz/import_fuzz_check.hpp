// What the importer fuzz targets assert of every comment a reader produces, whatever
// the bytes: a key in the reader's namespace, a known status, and (when importable)
// Markdown text that is well-formed UTF-8 and renders. Shared by fuzz_wxr and
// fuzz_disqus.
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string_view>

#include "archive/source_comment.hpp"
#include "core/comment.hpp"
#include "core/markdown.hpp"
#include "core/utf8.hpp"
#include "core/validate.hpp"
#include "store/store.hpp"

namespace parley::fuzz {

[[noreturn]] inline void fail(const char* target, const char* what, std::string_view detail) {
  std::fprintf(stderr, "%s: %s: %.*s\n", target, what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

inline void check_source_comment(const char* target, std::string_view key_prefix,
                                 const server::archive::SourceComment& c) {
  if (!c.key.starts_with(key_prefix)) fail(target, "key outside the namespace", c.key);
  if (!c.parent_key.empty() && !c.parent_key.starts_with(key_prefix)) {
    fail(target, "parent key outside the namespace", c.parent_key);
  }
  const auto& statuses = server::kStatuses;
  if (std::find(std::begin(statuses), std::end(statuses), c.status) == std::end(statuses)) {
    fail(target, "unknown status", c.status);
  }
  if (!c.problem.empty()) return;
  if (!utf8::valid(c.text)) fail(target, "converted text is not UTF-8", c.text);
  // What the importer does next: core's normalisation, validation and rendering.
  Draft d;
  d.page = c.page;
  d.text = c.text;
  d.author = c.author;
  normalize(d);
  (void)validate(d);
  const std::string html = markdown::render(d.text).release();
  if (!d.text.empty() && html.find("<script") != std::string::npos) {
    fail(target, "rendered a script tag", html);
  }
}

}  // namespace parley::fuzz
