// The block parser's class, private to markdown_blocks.cpp (line bookkeeping,
// container continuation, closing blocks) and markdown_block_starts.cpp (recognising
// what a line opens: quotes, fences, thematic breaks, list items, indented code).
// It is commonmark.js's algorithm; see markdown_blocks.hpp for the overview.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "limits.hpp"
#include "markdown_blocks.hpp"

namespace parley::markdown::detail {

class BlockParser {
 public:
  BlockParser(std::string_view text, BlockTree& tree, std::size_t& ops)
      : text_(text), tree_(tree), ops_(ops) {}

  void run();

 private:
  // CommonMark's fixed numbers, named so the rules read like the spec.
  static constexpr std::uint32_t kTabStop = 4;
  static constexpr std::uint32_t kCodeIndent = 4;  // this much indentation makes code
  static constexpr std::uint32_t kMaxMarkerIndent = 3;
  static constexpr std::uint32_t kMinFenceLength = 3;
  static constexpr std::uint32_t kMinThematicMarks = 3;
  // Past this many spaces after a list marker, the extra ones belong to an indented
  // code block inside the item.
  static constexpr std::uint32_t kMaxMarkerPadding = 4;
  // Nine digits keep every start number below 10^9, inside 32 bits.
  static constexpr std::uint32_t kMaxOrderedDigits = 9;
  static constexpr std::uint8_t kMaxDepth = static_cast<std::uint8_t>(limits::kMaxMarkdownNesting);

  enum class Continue { kMatched, kFailed, kLineDone };
  enum class Start { kNone, kContainer, kLeaf, kLineDone };

  Block& at(std::uint32_t i) { return tree_.blocks[i]; }
  // '\n' stands for "end of line" so callers need no bounds checks.
  char peek(std::uint32_t pos) const { return pos < line_end_ ? text_[pos] : '\n'; }
  std::uint32_t previous_line() const { return line_no_ == 0 ? 0 : line_no_ - 1; }

  // Line cursor (markdown_blocks.cpp).
  void find_next_nonspace();
  // Advances `count` characters, or `count` columns when `columns` is set, in which
  // case a tab may be consumed only partly (its rest then shows up as spaces).
  void advance_offset(std::uint32_t count, bool columns);
  void advance_next_nonspace();

  // One line: continue open blocks, open new ones, add the rest (markdown_blocks.cpp).
  void process_line(std::uint32_t begin, std::uint32_t end);
  Continue continue_block(std::uint32_t b);
  Continue continue_fence(std::uint32_t b);

  // Block starts (markdown_block_starts.cpp).
  void skip_quote_marker();
  Start try_start(std::uint32_t container);
  bool start_fence(char marker);
  bool is_thematic_break(char marker);
  bool start_item(std::uint32_t container);

  // The tree (markdown_blocks.cpp).
  void add_child(BlockKind kind);
  void add_line();
  void close_unmatched();
  void finalize(std::uint32_t b, std::uint32_t line);
  bool span_is_blank(const LineSpan& s) const;
  // A blank line between two siblings, by source lines (commonmark.js's rule).
  bool ends_with_blank_line(std::uint32_t b);
  bool is_tight(std::uint32_t list);

  std::string_view text_;
  BlockTree& tree_;
  std::size_t& ops_;

  std::uint32_t line_no_ = 0;
  std::uint32_t line_end_ = 0;
  std::uint32_t offset_ = 0;  // next byte of the line still to consume
  std::uint32_t column_ = 0;  // its column, with tabs expanded
  bool partial_tab_ = false;
  std::uint32_t next_nonspace_ = 0;
  std::uint32_t next_nonspace_column_ = 0;
  std::uint32_t indent_ = 0;
  bool indented_ = false;
  bool blank_ = false;

  std::uint32_t tip_ = 0;           // innermost open block
  std::uint32_t old_tip_ = 0;       // the tip when this line started
  std::uint32_t last_matched_ = 0;  // innermost block this line continued
  bool all_closed_ = true;
};

}  // namespace parley::markdown::detail
