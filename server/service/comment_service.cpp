#include "service/comment_service.hpp"

#include <utility>

#include "core/limits.hpp"
#include "core/markdown.hpp"
#include "core/thread.hpp"
#include "core/validate.hpp"

namespace parley::server {
namespace {

FieldErrors thread_full() {
  return {{"page", "too_many",
           "This page has reached its comment limit; no new comments can be added."}};
}

}  // namespace

std::vector<Comment> CommentService::thread(std::string_view site, std::string_view page) {
  return store_.list_page(site, page);
}

std::vector<std::size_t> CommentService::counts(std::string_view site,
                                                const std::vector<std::string>& pages) {
  return store_.count_pages(site, pages);
}

PostResult CommentService::post(std::string_view site, std::string_view client, Draft draft,
                                std::int64_t now, RateLimiter::Clock::time_point mono_now) {
  normalize(draft);
  FieldErrors errors = validate(draft);
  if (!errors.empty()) return errors;

  Comment c;
  if (draft.parent == 0) {
    if (store_.count_page(site, draft.page) >= limits::kMaxThreadComments) return thread_full();
  } else {
    // A reply is placed with core's own rule, the one the widget uses to show where it
    // will go, so the thread is read; threads are capped, so this is bounded.
    const Thread thread = build_thread(store_.list_page(site, draft.page));
    if (thread.size() >= limits::kMaxThreadComments) return thread_full();
    if (thread.find(draft.parent) == thread.size()) {
      return FieldErrors{
          {"parent", "not_found", "The comment you are replying to does not exist."}};
    }
    c.parent = reply_parent_for(thread, draft.parent);
    const std::size_t parent_index = thread.find(c.parent);
    c.depth = parent_index == thread.size() ? 0 : thread.depth[parent_index] + 1;
  }
  if (const int wait = post_limiter_.take(client, mono_now); wait > 0) {
    return RateLimited{wait};
  }
  c.page = draft.page;
  c.author = draft.author;
  c.website = draft.website;
  c.html = markdown::render(draft.text).release();
  c.text = std::move(draft.text);
  c.created = now;
  return store_.insert(
      NewComment{std::string(site), std::move(draft.title), std::move(draft.email), std::move(c)});
}

}  // namespace parley::server
