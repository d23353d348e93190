// Line bookkeeping, container continuation and closing blocks.
#include "markdown_blocks.hpp"

#include <algorithm>
#include <cstring>

#include "markdown_block_parser.hpp"
#include "markdown_chars.hpp"

namespace parley::markdown::detail {
namespace {

bool can_contain(BlockKind parent, BlockKind child) {
  switch (parent) {
    case BlockKind::kDocument:
    case BlockKind::kQuote:
    case BlockKind::kItem:
      return child != BlockKind::kItem;
    case BlockKind::kList:
      return child == BlockKind::kItem;
    default:
      return false;
  }
}

bool is_container(BlockKind kind) {
  return kind == BlockKind::kQuote || kind == BlockKind::kItem;
}

}  // namespace

void BlockParser::run() {
  tree_.blocks.clear();
  tree_.spans.clear();
  tree_.blocks.emplace_back();  // the document
  std::uint32_t begin = 0;
  const auto size = static_cast<std::uint32_t>(text_.size());
  // Lone CRs are rare: without any, memchr finds line ends much faster.
  const bool has_cr = text_.find('\r') != std::string_view::npos;
  while (begin < size) {
    std::uint32_t end = begin;
    if (has_cr) {
      while (end < size && text_[end] != '\n' && text_[end] != '\r') ++end;
    } else {
      const void* nl = std::memchr(text_.data() + begin, '\n', size - begin);
      end = nl == nullptr ? size
                          : static_cast<std::uint32_t>(static_cast<const char*>(nl) - text_.data());
    }
    process_line(begin, end);
    ops_ += end - begin + 1;
    begin = end;
    if (begin < size && text_[begin] == '\r') ++begin;
    if (begin < size && text_[begin] == '\n') ++begin;
    ++line_no_;
  }
  const std::uint32_t last_line = line_no_ == 0 ? 0 : line_no_ - 1;
  while (tip_ != 0) finalize(tip_, last_line);
}

void BlockParser::find_next_nonspace() {
  std::uint32_t i = offset_;
  std::uint32_t cols = column_;
  while (i < line_end_) {
    const char c = text_[i];
    if (c == ' ') {
      ++cols;
    } else if (c == '\t') {
      cols += kTabStop - cols % kTabStop;
    } else {
      break;
    }
    ++i;
  }
  ops_ += i - offset_;
  blank_ = i == line_end_;
  next_nonspace_ = i;
  next_nonspace_column_ = cols;
  indent_ = cols - column_;
  indented_ = indent_ >= kCodeIndent;
}

// Advances `count` characters, or `count` columns when `columns` is set, in which
// case a tab may be consumed only partly (its rest then shows up as spaces).
void BlockParser::advance_offset(std::uint32_t count, bool columns) {
  while (count > 0 && offset_ < line_end_) {
    if (text_[offset_] == '\t') {
      const std::uint32_t to_tab = kTabStop - column_ % kTabStop;
      if (columns) {
        partial_tab_ = to_tab > count;
        const std::uint32_t step = std::min(to_tab, count);
        column_ += step;
        offset_ += partial_tab_ ? 0 : 1;
        count -= step;
      } else {
        partial_tab_ = false;
        column_ += to_tab;
        offset_ += 1;
        count -= 1;
      }
    } else {
      partial_tab_ = false;
      offset_ += 1;
      column_ += 1;
      count -= 1;
    }
  }
}

void BlockParser::advance_next_nonspace() {
  offset_ = next_nonspace_;
  column_ = next_nonspace_column_;
  partial_tab_ = false;
}

void BlockParser::process_line(std::uint32_t begin, std::uint32_t end) {
  offset_ = begin;
  line_end_ = end;
  column_ = 0;
  partial_tab_ = false;
  old_tip_ = tip_;

  // Phase 1: which open containers does this line continue?
  std::uint32_t container = 0;
  while (true) {
    const std::uint32_t last = at(container).last_child;
    if (last == kNoBlock || !at(last).open) break;
    container = last;
    find_next_nonspace();
    ++ops_;
    const Continue c = continue_block(container);
    if (c == Continue::kLineDone) return;
    if (c == Continue::kFailed) {
      container = at(container).parent;
      break;
    }
  }
  all_closed_ = container == old_tip_;
  last_matched_ = container;

  // Phase 2: new containers and leaves starting on this line.
  const BlockKind matched_kind = at(container).kind;
  bool matched_leaf =
      matched_kind == BlockKind::kFencedCode || matched_kind == BlockKind::kIndentedCode;
  while (!matched_leaf) {
    find_next_nonspace();
    const Start s = try_start(container);
    if (s == Start::kLineDone) return;
    if (s == Start::kNone) {
      advance_next_nonspace();
      break;
    }
    container = tip_;
    matched_leaf = s == Start::kLeaf;
  }

  // Phase 3: the rest of the line is text for the innermost block.
  if (!all_closed_ && !blank_ && at(tip_).kind == BlockKind::kParagraph) {
    add_line();  // lazy continuation: "> a\nb" keeps b in the quoted paragraph
    return;
  }
  close_unmatched();
  const BlockKind kind = at(tip_).kind;
  if (kind == BlockKind::kFencedCode || kind == BlockKind::kIndentedCode ||
      kind == BlockKind::kParagraph) {
    add_line();
  } else if (!blank_) {
    add_child(BlockKind::kParagraph);
    advance_next_nonspace();
    add_line();
  }
}

BlockParser::Continue BlockParser::continue_block(std::uint32_t b) {
  Block& blk = at(b);
  switch (blk.kind) {
    case BlockKind::kQuote:
      if (indented_ || peek(next_nonspace_) != '>') return Continue::kFailed;
      skip_quote_marker();
      blk.end_line = line_no_;
      return Continue::kMatched;
    case BlockKind::kList:
      return Continue::kMatched;
    case BlockKind::kItem:
      if (blank_) {
        // An item may begin with at most one blank line.
        if (blk.first_child == kNoBlock) return Continue::kFailed;
        advance_next_nonspace();
        return Continue::kMatched;
      }
      if (indent_ < blk.indent) return Continue::kFailed;
      advance_offset(blk.indent, true);
      return Continue::kMatched;
    case BlockKind::kFencedCode:
      return continue_fence(b);
    case BlockKind::kIndentedCode:
      if (indent_ >= kCodeIndent) {
        advance_offset(kCodeIndent, true);
      } else if (blank_) {
        advance_next_nonspace();
      } else {
        return Continue::kFailed;
      }
      return Continue::kMatched;
    case BlockKind::kParagraph:
      return blank_ ? Continue::kFailed : Continue::kMatched;
    default:
      return Continue::kFailed;
  }
}

BlockParser::Continue BlockParser::continue_fence(std::uint32_t b) {
  const char marker = at(b).marker;
  if (indent_ <= kMaxMarkerIndent && peek(next_nonspace_) == marker) {
    std::uint32_t i = next_nonspace_;
    while (peek(i) == marker) ++i;
    const std::uint32_t run = i - next_nonspace_;
    while (is_space_or_tab(peek(i))) ++i;
    ops_ += i - next_nonspace_;
    if (run >= at(b).fence_length && i == line_end_) {
      at(b).end_line = line_no_;
      finalize(b, line_no_);
      return Continue::kLineDone;
    }
  }
  // Content lines lose up to as much indentation as the opening fence had.
  for (std::uint32_t i = at(b).indent; i > 0 && is_space_or_tab(peek(offset_)); --i) {
    advance_offset(1, true);
  }
  return Continue::kMatched;
}

void BlockParser::add_child(BlockKind kind) {
  while (!can_contain(at(tip_).kind, kind)) finalize(tip_, previous_line());
  const auto index = static_cast<std::uint32_t>(tree_.blocks.size());
  Block child;
  child.kind = kind;
  child.parent = tip_;
  child.start_line = line_no_;
  child.end_line = line_no_;
  child.first_span = static_cast<std::uint32_t>(tree_.spans.size());
  child.depth = static_cast<std::uint8_t>(at(tip_).depth + (is_container(kind) ? 1 : 0));
  tree_.blocks.push_back(child);
  Block& parent = at(tip_);
  if (parent.last_child == kNoBlock) {
    parent.first_child = index;
  } else {
    at(parent.last_child).next = index;
  }
  at(tip_).last_child = index;
  tip_ = index;
}

void BlockParser::add_line() {
  LineSpan span{offset_, line_end_, 0};
  if (partial_tab_) {
    span.begin += 1;
    span.pad = kTabStop - column_ % kTabStop;
  }
  tree_.spans.push_back(span);
  Block& leaf = at(tip_);
  ++leaf.span_count;
  if (leaf.kind != BlockKind::kIndentedCode || !blank_) leaf.end_line = line_no_;
}

void BlockParser::close_unmatched() {
  if (all_closed_) return;
  while (old_tip_ != last_matched_) {
    const std::uint32_t parent = at(old_tip_).parent;
    finalize(old_tip_, previous_line());
    old_tip_ = parent;
  }
  all_closed_ = true;
}

bool BlockParser::span_is_blank(const LineSpan& s) const {
  for (std::uint32_t i = s.begin; i < s.end; ++i) {
    if (!is_space_or_tab(text_[i])) return false;
  }
  return true;
}

// A blank line between two siblings, by source lines (commonmark.js's rule).
bool BlockParser::ends_with_blank_line(std::uint32_t b) {
  const Block& blk = at(b);
  return blk.next != kNoBlock && blk.end_line + 1 < at(blk.next).start_line;
}

void BlockParser::finalize(std::uint32_t b, std::uint32_t line) {
  Block& blk = at(b);
  blk.open = false;
  switch (blk.kind) {
    case BlockKind::kQuote:
      blk.end_line = std::max(blk.end_line, line);
      break;
    case BlockKind::kItem:
      if (blk.last_child != kNoBlock) blk.end_line = at(blk.last_child).end_line;
      break;
    case BlockKind::kList:
      blk.end_line = at(blk.last_child).end_line;
      blk.tight = is_tight(b);
      break;
    case BlockKind::kIndentedCode:
      while (blk.span_count > 0 &&
             span_is_blank(tree_.spans[blk.first_span + blk.span_count - 1])) {
        --blk.span_count;
      }
      break;
    default:
      break;
  }
  if (blk.kind != BlockKind::kList && blk.kind != BlockKind::kItem && blk.last_child != kNoBlock) {
    blk.end_line = std::max(blk.end_line, at(blk.last_child).end_line);
  }
  tip_ = at(b).parent;
}

bool BlockParser::is_tight(std::uint32_t list) {
  for (std::uint32_t item = at(list).first_child; item != kNoBlock; item = at(item).next) {
    ++ops_;
    if (ends_with_blank_line(item)) return false;
    for (std::uint32_t sub = at(item).first_child; sub != kNoBlock; sub = at(sub).next) {
      ++ops_;
      if (ends_with_blank_line(sub)) return false;
    }
  }
  return true;
}

void parse_blocks(std::string_view text, BlockTree& tree, std::size_t& ops) {
  BlockParser(text, tree, ops).run();
}

}  // namespace parley::markdown::detail
