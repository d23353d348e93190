#include "markdown_blocks.hpp"

#include <algorithm>
#include <cstring>

#include "limits.hpp"
#include "markdown_chars.hpp"

namespace parley::markdown::detail {
namespace {

// CommonMark's fixed numbers, named so the rules below read like the spec.
constexpr std::uint32_t kTabStop = 4;
constexpr std::uint32_t kCodeIndent = 4;  // this much indentation makes a code block
constexpr std::uint32_t kMaxMarkerIndent = 3;
constexpr std::uint32_t kMinFenceLength = 3;
constexpr std::uint32_t kMinThematicMarks = 3;
// Past this many spaces after a list marker, the extra ones belong to an indented
// code block inside the item.
constexpr std::uint32_t kMaxMarkerPadding = 4;
// Nine digits keep every start number below 10^9, inside 32 bits.
constexpr std::uint32_t kMaxOrderedDigits = 9;
constexpr std::uint8_t kMaxDepth = static_cast<std::uint8_t>(limits::kMaxMarkdownNesting);

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

class BlockParser {
 public:
  BlockParser(std::string_view text, BlockTree& tree, std::size_t& ops)
      : text_(text), tree_(tree), ops_(ops) {}

  void run() {
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
        end = nl == nullptr
                  ? size
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

 private:
  enum class Continue { kMatched, kFailed, kLineDone };
  enum class Start { kNone, kContainer, kLeaf, kLineDone };

  Block& at(std::uint32_t i) { return tree_.blocks[i]; }
  // '\n' stands for "end of line" so callers need no bounds checks.
  char peek(std::uint32_t pos) const { return pos < line_end_ ? text_[pos] : '\n'; }
  std::uint32_t previous_line() const { return line_no_ == 0 ? 0 : line_no_ - 1; }

  void find_next_nonspace() {
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
  void advance_offset(std::uint32_t count, bool columns) {
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

  void advance_next_nonspace() {
    offset_ = next_nonspace_;
    column_ = next_nonspace_column_;
    partial_tab_ = false;
  }

  void process_line(std::uint32_t begin, std::uint32_t end) {
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

  Continue continue_block(std::uint32_t b) {
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

  Continue continue_fence(std::uint32_t b) {
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

  void skip_quote_marker() {
    advance_next_nonspace();
    advance_offset(1, false);
    if (is_space_or_tab(peek(offset_))) advance_offset(1, true);
  }

  Start try_start(std::uint32_t container) {
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

  bool start_fence(char marker) {
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

  bool is_thematic_break(char marker) const {
    std::uint32_t marks = 0;
    for (std::uint32_t i = next_nonspace_; i < line_end_; ++i) {
      if (text_[i] == marker) {
        ++marks;
      } else if (!is_space_or_tab(text_[i])) {
        return false;
      }
    }
    return marks >= kMinThematicMarks;
  }

  bool start_item(std::uint32_t container) {
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

  void add_child(BlockKind kind) {
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

  void add_line() {
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

  void close_unmatched() {
    if (all_closed_) return;
    while (old_tip_ != last_matched_) {
      const std::uint32_t parent = at(old_tip_).parent;
      finalize(old_tip_, previous_line());
      old_tip_ = parent;
    }
    all_closed_ = true;
  }

  bool span_is_blank(const LineSpan& s) const {
    for (std::uint32_t i = s.begin; i < s.end; ++i) {
      if (!is_space_or_tab(text_[i])) return false;
    }
    return true;
  }

  // A blank line between two siblings, by source lines (commonmark.js's rule).
  bool ends_with_blank_line(std::uint32_t b) {
    const Block& blk = at(b);
    return blk.next != kNoBlock && blk.end_line + 1 < at(blk.next).start_line;
  }

  void finalize(std::uint32_t b, std::uint32_t line) {
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
    if (blk.kind != BlockKind::kList && blk.kind != BlockKind::kItem &&
        blk.last_child != kNoBlock) {
      blk.end_line = std::max(blk.end_line, at(blk.last_child).end_line);
    }
    tip_ = at(b).parent;
  }

  bool is_tight(std::uint32_t list) {
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

}  // namespace

void parse_blocks(std::string_view text, BlockTree& tree, std::size_t& ops) {
  BlockParser(text, tree, ops).run();
}

}  // namespace parley::markdown::detail
