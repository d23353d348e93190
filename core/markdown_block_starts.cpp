// What a line opens: block quotes, fences, thematic breaks, list items and
// indented code (CommonMark's "block starts", tried in the spec's order).
#include "markdown_block_parser.hpp"
#include "markdown_chars.hpp"

namespace parley::markdown::detail {

void BlockParser::skip_quote_marker() {
  advance_next_nonspace();
  advance_offset(1, false);
  if (is_space_or_tab(peek(offset_))) advance_offset(1, true);
}

BlockParser::Start BlockParser::try_start(std::uint32_t container) {
  const char c = peek(next_nonspace_);
  if (indented_) {
    if (at(tip_).kind == BlockKind::kParagraph || blank_) return Start::kNone;
    advance_offset(kCodeIndent, true);
    close_unmatched();
    add_child(BlockKind::kIndentedCode);
    return Start::kLeaf;
  }
  if (c == '>') {
    if (at(container).depth >= kMaxDepth) return Start::kNone;
    skip_quote_marker();
    close_unmatched();
    add_child(BlockKind::kQuote);
    at(tip_).end_line = line_no_;
    return Start::kContainer;
  }
  if ((c == '`' || c == '~') && start_fence(c)) return Start::kLineDone;
  if ((c == '*' || c == '-' || c == '_') && is_thematic_break(c)) {
    close_unmatched();
    add_child(BlockKind::kThematicBreak);
    finalize(tip_, line_no_);
    return Start::kLineDone;
  }
  if (start_item(container)) return Start::kContainer;
  return Start::kNone;
}

bool BlockParser::start_fence(char marker) {
  std::uint32_t i = next_nonspace_;
  while (peek(i) == marker) ++i;
  const std::uint32_t run = i - next_nonspace_;
  if (run < kMinFenceLength) return false;
  const std::uint32_t info_begin = i;
  for (; i < line_end_; ++i) {
    // A backtick in the info string would make "```a`" ambiguous with a code span.
    if (marker == '`' && text_[i] == '`') return false;
  }
  ops_ += i - next_nonspace_;
  std::uint32_t b = info_begin;
  std::uint32_t e = line_end_;
  while (b < e && is_space_or_tab(text_[b])) ++b;
  while (e > b && is_space_or_tab(text_[e - 1])) --e;
  close_unmatched();
  add_child(BlockKind::kFencedCode);
  Block& fence = at(tip_);
  fence.marker = marker;
  fence.fence_length = run;
  fence.indent = indent_;
  fence.info = LineSpan{b, e, 0};
  return true;
}

bool BlockParser::is_thematic_break(char marker) {
  std::uint32_t marks = 0;
  std::uint32_t i = next_nonspace_;
  for (; i < line_end_; ++i) {
    if (text_[i] == marker) {
      ++marks;
    } else if (!is_space_or_tab(text_[i])) {
      break;
    }
  }
  // Up to kMaxDepth list items can start on one line, each after this scan.
  ops_ += i - next_nonspace_;
  return i == line_end_ && marks >= kMinThematicMarks;
}

bool BlockParser::start_item(std::uint32_t container) {
  const bool in_paragraph = at(container).kind == BlockKind::kParagraph;
  const std::uint32_t marker_begin = next_nonspace_;
  std::uint32_t i = marker_begin;
  bool ordered = false;
  char marker = peek(i);
  std::uint32_t number = 1;
  if (marker == '*' || marker == '+' || marker == '-') {
    ++i;
  } else if (is_ascii_digit(marker)) {
    number = 0;
    while (is_ascii_digit(peek(i)) && i - marker_begin < kMaxOrderedDigits) {
      number = number * 10 + static_cast<std::uint32_t>(peek(i) - '0');
      ++i;
    }
    marker = peek(i);
    if (marker != '.' && marker != ')') return false;
    ++i;
    ordered = true;
    // Only "1." may interrupt a paragraph: "in 2021. we" must stay prose.
    if (in_paragraph && number != 1) return false;
  } else {
    return false;
  }
  if (peek(i) != '\n' && !is_space_or_tab(peek(i))) return false;
  if (in_paragraph) {
    std::uint32_t j = i;
    while (is_space_or_tab(peek(j))) ++j;
    if (j == line_end_) return false;  // an empty item does not interrupt a paragraph
  }
  if (at(container).depth >= kMaxDepth) return false;

  const std::uint32_t marker_offset = indent_;
  const std::uint32_t marker_length = i - marker_begin;
  advance_next_nonspace();
  advance_offset(marker_length, true);
  const std::uint32_t spaces_col = column_;
  const std::uint32_t spaces_offset = offset_;
  do {
    advance_offset(1, true);
  } while (column_ - spaces_col <= kMaxMarkerPadding && is_space_or_tab(peek(offset_)));
  const bool blank_item = peek(offset_) == '\n';
  const std::uint32_t spaces = column_ - spaces_col;
  std::uint32_t padding = marker_length + spaces;
  if (spaces > kMaxMarkerPadding || spaces < 1 || blank_item) {
    padding = marker_length + 1;
    column_ = spaces_col;
    offset_ = spaces_offset;
    partial_tab_ = false;
    if (is_space_or_tab(peek(offset_))) advance_offset(1, true);
  }

  close_unmatched();
  const Block& tip = at(tip_);
  if (tip.kind != BlockKind::kList || tip.ordered != ordered || tip.marker != marker) {
    add_child(BlockKind::kList);
    Block& list = at(tip_);
    list.ordered = ordered;
    list.marker = marker;
    list.number = number;
  }
  add_child(BlockKind::kItem);
  at(tip_).indent = marker_offset + padding;
  return true;
}

}  // namespace parley::markdown::detail
