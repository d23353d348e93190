// Comment use cases: read a thread, count threads, post a comment. Owns the rules that
// need the store (parent exists, depth cap, thread size); content rules are core's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/comment.hpp"
#include "core/result.hpp"
#include "store/store.hpp"

namespace parley::server {

// A stored comment, or every reason the draft was refused.
using PostResult = std::variant<Comment, FieldErrors>;

class CommentService {
 public:
  explicit CommentService(Store& store) : store_(store) {}

  std::vector<Comment> thread(std::string_view site, std::string_view page);
  std::vector<std::size_t> counts(std::string_view site, const std::vector<std::string>& pages);

  // Normalises and validates the draft, places it in its thread (a reply to a comment
  // at limits::kMaxDepth becomes that comment's sibling), renders its Markdown and
  // stores it. `now` is the creation time in Unix seconds.
  PostResult post(std::string_view site, Draft draft, std::int64_t now);

 private:
  Store& store_;
};

}  // namespace parley::server
