// Turns the HTML of a WordPress or Disqus comment into Parley Markdown, so imported
// comments go through the same renderer as every other comment (docs/import-export.md).
//
// Kept: paragraphs, line breaks, links (http, https and mailto only), emphasis, strong,
// code, pre, blockquotes and list items. Every other tag is dropped and its text kept;
// script and style contents are dropped. Text is decoded (HTML entities) and then
// escaped for Markdown, so "2*3*4" or a literal "<b>" stays text.
#pragma once

#include <string>
#include <string_view>

namespace parley::server::archive {

struct HtmlToMarkdownOptions {
  // WordPress stores comments as typed and adds <p> and <br> when it shows them, so a
  // newline in its content is a line break; in Disqus HTML newlines are whitespace.
  bool newlines_are_breaks = false;
};

std::string html_to_markdown(std::string_view html, HtmlToMarkdownOptions options = {});

}  // namespace parley::server::archive
