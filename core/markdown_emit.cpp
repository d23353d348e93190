// Step 3 of inline parsing: writing the nodes as HTML through Output.
#include "limits.hpp"
#include "markdown_inline.hpp"

namespace parley::markdown::detail {
namespace {

constexpr int kMaxEmphasisDepth = limits::kMaxMarkdownNesting;

std::string_view marker_text(char delimiter, Tag tag) {
  const bool strong = tag == Tag::kStrong;
  if (delimiter == '*') return strong ? "**" : "*";
  return strong ? "__" : "_";
}

}  // namespace

std::string_view InlineParser::stored(std::uint32_t begin, std::uint32_t end) const {
  return std::string_view(link_text_).substr(begin, end - begin);
}

void InlineParser::emit_code(Output& out, const Node& node) {
  out.open(Tag::kCode);
  // Line endings inside a code span show as spaces.
  std::uint32_t run = node.begin;
  for (std::uint32_t i = node.begin; i < node.end; ++i) {
    if (text_[i] != '\n') continue;
    out.text(text_.substr(run, i - run));
    out.text(" ");
    run = i + 1;
  }
  out.text(text_.substr(run, node.end - run));
  out.close(Tag::kCode);
}

void InlineParser::emit(Output& out) {
  pair_hidden_.assign(pairs_, 0);
  int depth = 0;
  bool in_link = false;
  for (const Node& node : nodes_) {
    switch (node.kind) {
      case NodeKind::kText:
        out.text(text_.substr(node.begin, node.end - node.begin));
        break;
      case NodeKind::kEscapedChar:
        out.text(text_.substr(node.begin, 1));
        break;
      case NodeKind::kEntity:
        out.text_code_point(node.code_point);
        break;
      case NodeKind::kCode:
        emit_code(out, node);
        break;
      case NodeKind::kSoftBreak:
        out.soft_break();
        break;
      case NodeKind::kHardBreak:
        out.hard_break();
        break;
      case NodeKind::kDelimiter:
        for (std::uint32_t t = node.close_tags; t != kNone; t = tags_[t].next) {
          if (pair_hidden_[tags_[t].pair] != 0) {
            out.text(marker_text(node.delimiter, tags_[t].tag));
          } else {
            out.close(tags_[t].tag);
            --depth;
          }
        }
        out.text(text_.substr(node.begin, node.end - node.begin));
        for (std::uint32_t t = node.open_tags; t != kNone; t = tags_[t].next) {
          // Too deep: this pair (and, being nested, everything inside it) stays text.
          if (depth >= kMaxEmphasisDepth) {
            pair_hidden_[tags_[t].pair] = 1;
            out.text(marker_text(node.delimiter, tags_[t].tag));
          } else {
            out.open(tags_[t].tag);
            ++depth;
          }
        }
        break;
      case NodeKind::kBracket:
        out.text(node.image ? "![" : "[");
        break;
      case NodeKind::kLinkOpen: {
        const Link& link = links_[node.link];
        out.open_link(stored(link.href_begin, link.href_end),
                      stored(link.title_begin, link.title_end));
        in_link = true;
        break;
      }
      case NodeKind::kLinkClose:
        out.close(Tag::kA);
        in_link = false;
        break;
      case NodeKind::kHidden:
        break;
      case NodeKind::kAutolink: {
        const std::string_view label = text_.substr(node.begin, node.end - node.begin);
        // A URL inside a link's text is just text: links do not nest.
        if (in_link) {
          out.text(label);
          break;
        }
        const Link& link = links_[node.link];
        out.open_link(stored(link.href_begin, link.href_end), {});
        out.text(label);
        out.close(Tag::kA);
        break;
      }
    }
  }
}

}  // namespace parley::markdown::detail
