// Thread building: the store hands back flat rows; readers see a tree.
//
// Linear in the number of comments (one hash map from id to index, one stable sort).
// Order: oldest first at every level, ties broken by id, as WordPress shows them;
// pinned comments first among the top-level ones.
// A comment whose parent is missing (deleted, or from another page) is shown at the
// top level rather than lost.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "comment.hpp"

namespace parley {

struct Thread {
  std::vector<Comment> comments;                   // sorted oldest first
  std::vector<std::size_t> roots;                  // indexes into comments
  std::vector<std::vector<std::size_t>> children;  // per comment, its replies in order
  std::vector<int> depth;                          // visual depth, capped at kMaxDepth

  std::size_t size() const { return comments.size(); }
  // What the heading counts: the comments, without deleted ones' placeholders.
  std::size_t responses() const;
  // Index of the comment with this id, or size() when absent.
  std::size_t find(std::int64_t id) const;
};

Thread build_thread(std::vector<Comment> flat);

// Appends one comment (just posted) and places it, without rebuilding the tree.
void add_to_thread(Thread& t, Comment c);

// The parent a reply to `id` gets: `id` itself, or, at the depth limit, id's parent,
// so the reply becomes a sibling (WordPress's behaviour at max depth).
std::int64_t reply_parent_for(const Thread& t, std::int64_t id);

// The end of the slice of top-level comments that starts at `first_root`: whole subtrees
// (a top-level comment with all its replies), at least one, until the slice holds
// `comments_per_slice` comments or reaches `last_root` (both indexes into `roots`).
// A long thread is shown in such slices a task of the page apart, so no task is long:
// the widget's as it renders, the early fragment's as the loader inserts them.
std::size_t slice_end(const Thread& t, std::size_t first_root, std::size_t last_root,
                      std::size_t comments_per_slice);

}  // namespace parley
