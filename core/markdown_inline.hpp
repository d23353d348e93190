// Inline content of one paragraph: the renderer's second pass.
//
// md4c/cmark structure in three steps over a flat node list (no tree, no recursion):
//   1. scan: one left-to-right pass turns the text into nodes (text runs, code spans,
//      autolinks, breaks, emphasis delimiter runs, brackets); "]" resolves links at
//      once against the bracket stack;
//   2. process_emphasis: CommonMark's delimiter-stack algorithm with the
//      openers_bottom bound, so "*a **b" repeated stays linear; matches are recorded
//      as tags on the delimiter nodes;
//   3. emit: one pass over the nodes writes HTML, keeping emphasis at most
//      limits::kMaxMarkdownNesting deep (deeper pairs are written as their markers).
// The parser is reused across paragraphs so its vectors are allocated once per render.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "markdown_output.hpp"

namespace parley::markdown::detail {

class InlineParser {
 public:
  // Renders `text` (a paragraph with its lines joined by '\n', leading indentation
  // and final trailing whitespace removed) into `out`.
  void render(std::string_view text, Output& out, std::size_t& ops);

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  enum class NodeKind : std::uint8_t {
    kText,         // source[begin, end)
    kEscapedChar,  // source[begin], a backslash-escaped punctuation character
    kEntity,       // code_point
    kCode,         // code span contents source[begin, end)
    kSoftBreak,
    kHardBreak,
    kDelimiter,  // remaining run source[begin, end) of '*' or '_', plus matched tags
    kBracket,    // "[" or "![" that did not become a link
    kLinkOpen,   // links_[link]
    kLinkClose,
    kHidden,    // the syntax of a link whose destination was refused
    kAutolink,  // text source[begin, end), href links_[link]
  };

  struct Node {
    NodeKind kind = NodeKind::kText;
    bool image = false;  // brackets: "![", which renders as a plain link
    char delimiter = 0;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::uint32_t link = kNone;
    char32_t code_point = 0;
    std::uint32_t open_tags = kNone;   // written after the run, outermost first
    std::uint32_t close_tags = kNone;  // written before the run, innermost first
    std::uint32_t close_tail = kNone;
  };

  struct Delimiter {
    std::uint32_t node = 0;
    std::uint32_t prev = kNone;
    std::uint32_t next = kNone;
    std::uint32_t original_length = 0;
    char c = 0;
    bool can_open = false;
    bool can_close = false;
  };

  struct TagRef {
    Tag tag = Tag::kEm;
    std::uint32_t pair = 0;
    std::uint32_t next = kNone;
  };

  struct Bracket {
    std::uint32_t node = 0;
    std::uint32_t delimiter_bottom = kNone;  // top of the delimiter stack at "["
  };

  struct Link {
    std::uint32_t href_begin = 0;
    std::uint32_t href_end = 0;
    std::uint32_t title_begin = 0;
    std::uint32_t title_end = 0;
  };

  void reset(std::string_view text);
  void scan();
  void flush_text(std::size_t end);
  std::uint32_t push(NodeKind kind, std::size_t begin, std::size_t end);
  std::size_t scan_code_span(std::size_t i);
  std::size_t find_closing_backticks(std::size_t from, std::size_t length);
  void push_delimiter(std::size_t i, std::size_t run);
  std::size_t close_bracket(std::size_t i);
  bool try_autolink(std::size_t i, bool angle);
  bool at_bare_autolink_boundary(std::size_t i) const;
  void process_emphasis(std::uint32_t stack_bottom);
  void remove_delimiter(std::uint32_t d);
  void add_tag(std::uint32_t opener_node, std::uint32_t closer_node, Tag tag, std::uint32_t pair);
  void emit(Output& out);
  void emit_code(Output& out, const Node& node);
  std::string_view stored(std::uint32_t begin, std::uint32_t end) const;

  std::string_view text_;
  std::size_t ops_ = 0;
  std::size_t text_begin_ = 0;  // start of the pending plain-text run

  std::vector<Node> nodes_;
  std::vector<Delimiter> delimiters_;
  std::uint32_t delimiter_top_ = kNone;
  std::vector<TagRef> tags_;
  std::uint32_t pairs_ = 0;
  std::vector<std::uint8_t> pair_hidden_;
  std::vector<Bracket> brackets_;
  std::size_t active_brackets_from_ = 0;  // brackets below this index may not form links
  std::vector<Link> links_;
  std::string link_text_;  // hrefs and titles, referenced by Link

  // Code spans: the last position of each backtick run length, valid once a scan
  // for a closer has reached the end (cmark's trick that keeps "` `` ```..." linear).
  std::vector<std::uint32_t> last_run_at_;
  bool scanned_to_end_ = false;
};

}  // namespace parley::markdown::detail
