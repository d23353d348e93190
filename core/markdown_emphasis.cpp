// Step 2 of inline parsing: CommonMark's "process emphasis" over the delimiter stack.
//
// For each closer, walk back to the nearest compatible opener, but never below
// openers_bottom for that closer's kind: a failed search remembers where it stopped,
// so the next closer of the same kind does not walk the same delimiters again. That
// bound is what keeps "*a **b *a **b ..." linear (the spec's pathological case).
#include <array>

#include "markdown_inline.hpp"

namespace parley::markdown::detail {

void InlineParser::remove_delimiter(std::uint32_t d) {
  const Delimiter& del = delimiters_[d];
  if (del.prev != kNone) delimiters_[del.prev].next = del.next;
  if (del.next != kNone) {
    delimiters_[del.next].prev = del.prev;
  } else {
    delimiter_top_ = del.prev;
  }
}

void InlineParser::add_tag(std::uint32_t opener_node, std::uint32_t closer_node, Tag tag,
                           std::uint32_t pair) {
  // The opener's later matches are outer elements: prepend. The closer's later
  // matches are outer too, and close after: append.
  Node& opener = nodes_[opener_node];
  tags_.push_back({tag, pair, opener.open_tags});
  opener.open_tags = static_cast<std::uint32_t>(tags_.size() - 1);

  tags_.push_back({tag, pair, kNone});
  const auto closing = static_cast<std::uint32_t>(tags_.size() - 1);
  Node& closer = nodes_[closer_node];
  if (closer.close_tail == kNone) {
    closer.close_tags = closing;
  } else {
    tags_[closer.close_tail].next = closing;
  }
  closer.close_tail = closing;
}

void InlineParser::process_emphasis(std::uint32_t stack_bottom) {
  // Indexed by [character][closer can also open][closer's original length % 3]: the
  // "rule of 3" makes these classes match differently, so each keeps its own bound.
  std::array<std::array<std::array<std::uint32_t, 3>, 2>, 2> openers_bottom;
  for (auto& by_open : openers_bottom) {
    for (auto& by_mod : by_open) by_mod.fill(stack_bottom);
  }

  std::uint32_t closer = stack_bottom == kNone ? kNone : delimiters_[stack_bottom].next;
  if (stack_bottom == kNone) {
    // The bottom of the whole stack: walk down from the top once to find it.
    for (std::uint32_t d = delimiter_top_; d != kNone; d = delimiters_[d].prev) {
      closer = d;
      ++ops_;
    }
  }

  while (closer != kNone) {
    ++ops_;
    const Delimiter& cl = delimiters_[closer];
    if (!cl.can_close) {
      closer = cl.next;
      continue;
    }
    std::uint32_t& bottom =
        openers_bottom[cl.c == '_'][cl.can_open ? 1 : 0][cl.original_length % 3];
    std::uint32_t opener = cl.prev;
    bool found = false;
    while (opener != kNone && opener != stack_bottom && opener != bottom) {
      ++ops_;
      const Delimiter& op = delimiters_[opener];
      // Rule of 3: "*a**b*" must not pair a closer with an opener when both could
      // be either and their lengths sum to a multiple of 3.
      const bool odd_match = (cl.can_open || op.can_close) && cl.original_length % 3 != 0 &&
                             (op.original_length + cl.original_length) % 3 == 0;
      if (op.c == cl.c && op.can_open && !odd_match) {
        found = true;
        break;
      }
      opener = op.prev;
    }

    if (!found) {
      const std::uint32_t old_closer = closer;
      closer = cl.next;
      bottom = delimiters_[old_closer].prev;
      if (!delimiters_[old_closer].can_open) remove_delimiter(old_closer);
      continue;
    }

    Node& open_node = nodes_[delimiters_[opener].node];
    Node& close_node = nodes_[cl.node];
    const std::uint32_t use =
        (open_node.end - open_node.begin >= 2 && close_node.end - close_node.begin >= 2) ? 2 : 1;
    open_node.end -= use;     // openers give up their innermost characters...
    close_node.begin += use;  // ...and closers their first ones
    add_tag(delimiters_[opener].node, cl.node, use == 2 ? Tag::kStrong : Tag::kEm, pairs_++);

    // Delimiters between the pair can no longer match anything: unlink them at once.
    delimiters_[opener].next = closer;
    delimiters_[closer].prev = opener;

    if (open_node.begin == open_node.end) remove_delimiter(opener);
    if (close_node.begin == close_node.end) {
      const std::uint32_t next = delimiters_[closer].next;
      remove_delimiter(closer);
      closer = next;
    }
  }

  // Everything above the bottom is settled now.
  if (stack_bottom == kNone) {
    delimiter_top_ = kNone;
  } else {
    delimiters_[stack_bottom].next = kNone;
    delimiter_top_ = stack_bottom;
  }
}

}  // namespace parley::markdown::detail
