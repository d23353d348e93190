// Safe Markdown for comments.
//
// CommonMark-compatible for what comments use: paragraphs, emphasis, strong, code
// spans, fenced and indented code, block quotes, ordered and bullet lists, inline
// links, autolinks (<https://...> and bare www./http(s):// URLs), hard breaks
// (two spaces or backslash before a newline) and thematic breaks. Not supported on
// purpose: raw HTML (always shown escaped, as text), images (rendered as plain links)
// and headings (a comment is not a document: "# x" stays paragraph text). See
// docs/markdown.md for the exact dialect.
//
// Safety: every text byte goes through escape.hpp; link destinations must use an
// allow-listed scheme (http, https, mailto) or be relative, else the link is kept as
// text; every link gets rel="nofollow ugc noopener noreferrer".
//
// Cost: linear in the input on every input. Nesting of containers and inline
// delimiters is capped at limits::kMaxMarkdownNesting; deeper markers stay text.
#pragma once

#include <cstddef>
#include <string_view>

#include "safe_html.hpp"

namespace parley::markdown {

struct Stats {
  // Units of work the renderer did (bytes scanned + delimiter/bracket steps). Tests
  // bound it as a multiple of the input size to prove linear behaviour.
  std::size_t ops = 0;
};

// Input must be valid UTF-8 (validation guarantees it); invalid bytes are replaced
// with U+FFFD rather than passed through.
SafeHtml render(std::string_view source, Stats* stats = nullptr);

}  // namespace parley::markdown
