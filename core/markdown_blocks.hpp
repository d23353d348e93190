// Block structure of a Markdown comment: the first of the renderer's two passes.
//
// Follows the CommonMark two-phase strategy (as md4c and commonmark.js do): each
// line first continues the open containers (quotes, list items), then may open new
// ones, and what remains is added to a leaf (paragraph or code). The result is a tree
// in one vector, linked by indices, whose leaves point at line spans of the source;
// inline parsing happens later, per leaf. No recursion: container depth is capped at
// limits::kMaxMarkdownNesting and the tree is walked iteratively.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace parley::markdown::detail {

inline constexpr std::uint32_t kNoBlock = UINT32_MAX;

enum class BlockKind : std::uint8_t {
  kDocument,
  kQuote,
  kList,
  kItem,
  kParagraph,
  kFencedCode,
  kIndentedCode,
  kThematicBreak,
};

// A slice of one source line. `pad` counts spaces that stand for the unconsumed part
// of a tab (only code blocks show them).
struct LineSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t pad = 0;
};

struct Block {
  BlockKind kind = BlockKind::kDocument;
  bool open = true;
  bool tight = true;       // lists: no blank line between items or their children
  bool ordered = false;    // lists
  char marker = 0;         // lists: bullet or delimiter ('.' / ')'); fences: '`' or '~'
  std::uint8_t depth = 0;  // quotes and items above and including this block
  std::uint32_t parent = kNoBlock;
  std::uint32_t first_child = kNoBlock;
  std::uint32_t last_child = kNoBlock;
  std::uint32_t next = kNoBlock;
  std::uint32_t start_line = 0;
  std::uint32_t end_line = 0;
  std::uint32_t first_span = 0;  // leaves: their lines in BlockTree::spans
  std::uint32_t span_count = 0;
  std::uint32_t number = 1;  // ordered lists: the start number
  std::uint32_t indent = 0;  // items: content column; fences: the fence's indent
  std::uint32_t fence_length = 0;
  LineSpan info;  // fenced code: the info string
};

struct BlockTree {
  std::vector<Block> blocks;  // blocks[0] is the document
  std::vector<LineSpan> spans;
};

// Builds the block tree of `text` (valid UTF-8, no NUL). Adds scanned bytes and
// container checks to `ops`.
void parse_blocks(std::string_view text, BlockTree& tree, std::size_t& ops);

}  // namespace parley::markdown::detail
