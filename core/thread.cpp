#include "thread.hpp"

#include <algorithm>
#include <iterator>
#include <numeric>
#include <unordered_map>

#include "limits.hpp"

namespace parley {
namespace {

bool older(const Comment& a, const Comment& b) {
  return a.created != b.created ? a.created < b.created : a.id < b.id;
}

}  // namespace

std::size_t Thread::find(std::int64_t id) const {
  // Threads are small enough (limits::kMaxThreadComments) that callers which need
  // many lookups build their own map; single lookups scan.
  for (std::size_t i = 0; i < comments.size(); ++i) {
    if (comments[i].id == id) return i;
  }
  return comments.size();
}

std::size_t Thread::responses() const {
  std::size_t n = 0;
  for (const Comment& c : comments) n += c.deleted ? 0 : 1;
  return n;
}

Thread build_thread(std::vector<Comment> flat) {
  Thread t;
  // `older` is a total order (ids are unique), so a plain sort is as stable as it needs
  // to be, without std::stable_sort's buffer and merge code (1.5 KB of the widget's wasm
  // with the partition below).
  std::sort(flat.begin(), flat.end(), older);
  t.comments = std::move(flat);
  const std::size_t n = t.comments.size();
  t.children.assign(n, {});
  t.depth.assign(n, 0);

  std::unordered_map<std::int64_t, std::size_t> index;
  index.reserve(n);
  for (std::size_t i = 0; i < n; ++i) index.emplace(t.comments[i].id, i);

  // Sorted oldest first, so a parent always precedes its replies (it was posted
  // earlier) and its depth is known when the reply is placed; a reply that claims a
  // younger or missing parent (clock skew, deleted parent) goes to the top level.
  for (std::size_t i = 0; i < n; ++i) {
    const Comment& c = t.comments[i];
    const auto it = c.parent == 0 ? index.end() : index.find(c.parent);
    if (it == index.end() || it->second >= i) {
      t.roots.push_back(i);
      continue;
    }
    t.children[it->second].push_back(i);
    t.depth[i] = std::min(t.depth[it->second] + 1, limits::kMaxDepth);
  }
  // Pinned comments lead the top level, oldest pinned first; replies keep their order.
  // Two passes rather than std::stable_partition (its buffered merge is more code).
  std::vector<std::size_t> roots;
  roots.reserve(t.roots.size());
  for (const bool pinned : {true, false}) {
    std::copy_if(t.roots.begin(), t.roots.end(), std::back_inserter(roots),
                 [&t, pinned](std::size_t i) { return t.comments[i].pinned == pinned; });
  }
  t.roots = std::move(roots);
  return t;
}

void add_to_thread(Thread& t, Comment c) {
  const std::size_t parent = c.parent == 0 ? t.comments.size() : t.find(c.parent);
  const std::size_t i = t.comments.size();
  t.comments.push_back(std::move(c));
  t.children.emplace_back();
  if (parent >= i) {
    t.roots.push_back(i);
    t.depth.push_back(0);
  } else {
    t.children[parent].push_back(i);
    t.depth.push_back(std::min(t.depth[parent] + 1, limits::kMaxDepth));
  }
}

std::int64_t reply_parent_for(const Thread& t, std::int64_t id) {
  const std::size_t i = t.find(id);
  if (i == t.size()) return id;
  if (t.depth[i] < limits::kMaxDepth) return id;
  return t.comments[i].parent;
}

std::size_t slice_end(const Thread& t, std::size_t first_root, std::size_t last_root,
                      std::size_t comments_per_slice) {
  last_root = std::min(last_root, t.roots.size());
  std::size_t comments = 0;
  std::size_t end = first_root;
  std::vector<std::size_t> walk;
  while (end < last_root && comments < comments_per_slice) {
    walk.assign(1, t.roots[end++]);
    while (!walk.empty()) {
      const std::size_t i = walk.back();
      walk.pop_back();
      ++comments;
      walk.insert(walk.end(), t.children[i].begin(), t.children[i].end());
    }
  }
  return end;
}

}  // namespace parley
