// The Markdown renderer's HTML sink, md4c-style: the parsers only say "enter this
// element", "leave it", "here is text"; this class owns every byte of markup.
//
// It is the one friend of SafeHtml on the Markdown side, so its invariants are the
// renderer's safety argument: tag names and attribute names are Parley's literals,
// every text byte and attribute value goes through escape.hpp, link targets arrive
// already checked by markdown_links, and finish() closes whatever is still open, so
// the result is well-formed even if a parser bug forgot a close.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "safe_html.hpp"

namespace parley::markdown::detail {

enum class Tag : std::uint8_t { kP, kBlockquote, kUl, kOl, kLi, kPre, kCode, kEm, kStrong, kA };

class Output {
 public:
  explicit Output(std::size_t expected_size);

  void open(Tag tag);
  void open_ordered_list(std::uint32_t start);
  // <pre><code class="language-...">; `language` is escaped here.
  void open_code_block(std::string_view language);
  // `href` must come from links::make_href (scheme already checked); both values are
  // escaped here for the attribute context.
  void open_link(std::string_view href, std::string_view title);
  // Closes `tag`, which must be the innermost open element.
  void close(Tag tag);
  void close_code_block();

  void text(std::string_view text);
  void text_code_point(char32_t cp);
  void soft_break() { html_.push_back('\n'); }
  void hard_break() { html_.append("<br />\n"); }
  void thematic_break();
  // Starts a new line unless the output already ends with one, as the CommonMark
  // reference renderer does between block elements.
  void cr();

  std::size_t size() const { return html_.size(); }
  SafeHtml finish() &&;

 private:
  void start_tag(Tag tag);
  std::string html_;
  std::vector<Tag> open_;
};

}  // namespace parley::markdown::detail
