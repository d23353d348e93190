// parley::markdown::render: input hygiene, then the block pass, then a walk over the
// block tree that hands each paragraph to the inline parser.
#include "markdown.hpp"

#include <cstdint>
#include <cstring>
#include <string>

#include "markdown_blocks.hpp"
#include "markdown_chars.hpp"
#include "markdown_entities.hpp"
#include "markdown_inline.hpp"
#include "markdown_output.hpp"
#include "utf8.hpp"

namespace parley::markdown {
namespace {

using detail::Block;
using detail::BlockKind;
using detail::kNoBlock;
using detail::LineSpan;
using detail::Output;
using detail::Tag;

constexpr char32_t kReplacement = 0xFFFD;
// Output is typically the input plus tags and entities; one reservation avoids
// regrowing the string on ordinary comments.
constexpr std::size_t kOutputSlackNum = 5;
constexpr std::size_t kOutputSlackDen = 4;
constexpr std::size_t kOutputSlackMin = 64;

// CommonMark replaces NUL with U+FFFD; we do the same for malformed UTF-8, so later
// passes only ever see well-formed text.
std::string clean_copy(std::string_view source) {
  std::string out;
  out.reserve(source.size() + 16);
  std::size_t i = 0;
  while (i < source.size()) {
    const char32_t cp = utf8::decode(source, i);
    utf8::append(out, cp == 0 ? kReplacement : cp);
  }
  return out;
}

// Most comments are ASCII: skip 8 bytes at a time while none is NUL or has its high
// bit set, and run the full UTF-8 validation only from the first such byte.
bool needs_cleaning(std::string_view source) {
  constexpr std::uint64_t kLow = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::size_t i = 0;
  for (; i + sizeof(std::uint64_t) <= source.size(); i += sizeof(std::uint64_t)) {
    std::uint64_t word;
    std::memcpy(&word, source.data() + i, sizeof word);
    const bool has_zero = ((word - kLow) & ~word & kHigh) != 0;
    if (has_zero || (word & kHigh) != 0) break;
  }
  const std::string_view rest = source.substr(i);
  return rest.find('\0') != std::string_view::npos || !utf8::valid(rest);
}

// The parsers' vectors, kept per thread so a busy server (or the benchmark) does not
// allocate them anew for every comment. A huge input may grow them; they are dropped
// afterwards rather than kept at that size.
struct Workspace {
  detail::BlockTree tree;
  detail::InlineParser inline_parser;
  std::string scratch;
};
constexpr std::size_t kMaxRetainedInput = 64 * 1024;

class TreeRenderer {
 public:
  TreeRenderer(std::string_view text, Workspace& work, Output& out, std::size_t& ops)
      : text_(text),
        tree_(work.tree),
        out_(out),
        ops_(ops),
        inline_(work.inline_parser),
        scratch_(work.scratch) {}

  // Pre/post-order walk along parent links: no recursion, no stack.
  void run() {
    std::uint32_t b = tree_.blocks[0].first_child;
    while (b != kNoBlock) {
      enter(b);
      const Block& blk = tree_.blocks[b];
      if (blk.first_child != kNoBlock) {
        b = blk.first_child;
        continue;
      }
      leave(b);
      while (b != 0 && tree_.blocks[b].next == kNoBlock) {
        b = tree_.blocks[b].parent;
        if (b != 0) leave(b);
      }
      if (b == 0) break;
      b = tree_.blocks[b].next;
    }
  }

 private:
  const Block& at(std::uint32_t b) const { return tree_.blocks[b]; }

  bool in_tight_item(const Block& blk) const {
    if (blk.parent == kNoBlock || at(blk.parent).kind != BlockKind::kItem) return false;
    return at(at(blk.parent).parent).tight;
  }

  void enter(std::uint32_t b) {
    const Block& blk = at(b);
    ++ops_;
    switch (blk.kind) {
      case BlockKind::kQuote:
        out_.cr();
        out_.open(Tag::kBlockquote);
        out_.soft_break();
        break;
      case BlockKind::kList:
        out_.cr();
        if (blk.ordered) {
          out_.open_ordered_list(blk.number);
        } else {
          out_.open(Tag::kUl);
        }
        out_.soft_break();
        break;
      case BlockKind::kItem:
        out_.cr();
        out_.open(Tag::kLi);
        break;
      case BlockKind::kParagraph:
        paragraph(blk);
        break;
      case BlockKind::kFencedCode:
      case BlockKind::kIndentedCode:
        code_block(blk);
        break;
      case BlockKind::kThematicBreak:
        out_.cr();
        out_.thematic_break();
        break;
      case BlockKind::kDocument:
        break;
    }
  }

  void leave(std::uint32_t b) {
    switch (at(b).kind) {
      case BlockKind::kQuote:
        out_.cr();
        out_.close(Tag::kBlockquote);
        out_.soft_break();
        break;
      case BlockKind::kList:
        out_.cr();
        out_.close(at(b).ordered ? Tag::kOl : Tag::kUl);
        out_.soft_break();
        break;
      case BlockKind::kItem:
        out_.close(Tag::kLi);
        out_.soft_break();
        break;
      default:
        break;
    }
  }

  // The paragraph's text with line breaks as '\n'. Outside containers its lines are
  // one contiguous slice of the source (the inline parser skips their indentation),
  // so only quoted or listed paragraphs need joining into the scratch buffer.
  std::string_view paragraph_text(const Block& blk) {
    const LineSpan* spans = tree_.spans.data() + blk.first_span;
    bool contiguous = true;
    for (std::uint32_t k = 1; k < blk.span_count && contiguous; ++k) {
      contiguous = spans[k].begin == spans[k - 1].end + 1 && text_[spans[k - 1].end] == '\n';
    }
    std::string_view joined;
    if (contiguous) {
      joined = text_.substr(spans[0].begin, spans[blk.span_count - 1].end - spans[0].begin);
    } else {
      scratch_.clear();
      for (std::uint32_t k = 0; k < blk.span_count; ++k) {
        if (k != 0) scratch_.push_back('\n');
        scratch_.append(text_.substr(spans[k].begin, spans[k].end - spans[k].begin));
      }
      joined = scratch_;
    }
    while (!joined.empty() && detail::is_space_or_tab(joined.front())) joined.remove_prefix(1);
    while (!joined.empty() && detail::is_space_or_tab(joined.back())) joined.remove_suffix(1);
    return joined;
  }

  void paragraph(const Block& blk) {
    const bool tight = in_tight_item(blk);
    if (!tight) {
      out_.cr();
      out_.open(Tag::kP);
    }
    inline_.render(paragraph_text(blk), out_, ops_);
    if (!tight) {
      out_.close(Tag::kP);
      out_.soft_break();
    }
  }

  void code_block(const Block& blk) {
    out_.cr();
    std::string language;
    if (blk.kind == BlockKind::kFencedCode) {
      std::string_view info = text_.substr(blk.info.begin, blk.info.end - blk.info.begin);
      std::size_t word = 0;
      while (word < info.size() && !detail::is_space_or_tab(info[word])) ++word;
      detail::append_unescaped(language, info.substr(0, word));
    }
    out_.open_code_block(language);
    for (std::uint32_t k = 0; k < blk.span_count; ++k) {
      const LineSpan& s = tree_.spans[blk.first_span + k];
      out_.text(std::string_view("    ").substr(0, s.pad));
      out_.text(text_.substr(s.begin, s.end - s.begin));
      out_.soft_break();
    }
    out_.close_code_block();
    out_.soft_break();
  }

  std::string_view text_;
  const detail::BlockTree& tree_;
  Output& out_;
  std::size_t& ops_;
  detail::InlineParser& inline_;
  std::string& scratch_;
};

}  // namespace

SafeHtml render(std::string_view source, Stats* stats) {
  std::string cleaned;
  if (needs_cleaning(source)) {
    cleaned = clean_copy(source);
    source = cleaned;
  }
  thread_local Workspace work;
  std::size_t ops = 0;
  detail::parse_blocks(source, work.tree, ops);
  Output out(source.size() * kOutputSlackNum / kOutputSlackDen + kOutputSlackMin);
  TreeRenderer(source, work, out, ops).run();
  if (source.size() > kMaxRetainedInput) work = Workspace{};
  if (stats != nullptr) stats->ops += ops;
  return std::move(out).finish();
}

}  // namespace parley::markdown
