#include "service/comment_service.hpp"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "core/limits.hpp"
#include "core/markdown.hpp"
#include "core/thread.hpp"
#include "core/utf8.hpp"
#include "core/validate.hpp"

namespace parley::server {
namespace {

FieldErrors thread_full() {
  return {{"page", "too_many",
           "This page has reached its comment limit; no new comments can be added."}};
}

// A provider's display name is outside input: one line, bounded like a typed name.
std::string clean_name(std::string_view name) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < name.size() && chars < limits::kMaxAuthorChars;) {
    const std::size_t start = i;
    const char32_t cp = utf8::decode(name, i);
    if (cp < 0x20 || cp == 0x7F || cp == 0xFFFD) continue;
    out.append(name.substr(start, i - start));
    ++chars;
  }
  return out;
}

void take_identity(Draft& draft, const VerifiedAuthor& author) {
  draft.author = clean_name(author.name);
  draft.email.clear();
  draft.website.clear();
}

}  // namespace

std::vector<Comment> visible_thread(std::vector<Comment> comments) {
  // A parent is always one level shallower than its replies, so visiting the deepest
  // comments first sees every reply before its parent (whatever the dates say): a
  // deleted comment stays only when something visible hangs below it.
  std::vector<std::size_t> order(comments.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&comments](std::size_t a, std::size_t b) {
    return comments[a].depth > comments[b].depth;
  });
  std::unordered_set<std::int64_t> has_visible_reply;
  std::vector<bool> keep(comments.size());
  for (const std::size_t i : order) {
    const Comment& c = comments[i];
    keep[i] = !c.deleted || has_visible_reply.contains(c.id);
    if (keep[i] && c.parent != 0) has_visible_reply.insert(c.parent);
  }
  std::vector<Comment> out;
  out.reserve(comments.size());
  for (std::size_t i = 0; i < comments.size(); ++i) {
    if (!keep[i]) continue;
    Comment& c = comments[i];
    if (c.deleted) {
      c.author.clear();
      c.website.clear();
      c.text.clear();
      c.html.clear();
      c.provider.clear();
      c.provider_name.clear();
      c.avatar.clear();
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Comment> CommentService::thread(std::string_view site, std::string_view page) {
  return visible_thread(store_.list_page(site, page));
}

std::vector<std::size_t> CommentService::counts(std::string_view site,
                                                const std::vector<std::string>& pages) {
  return store_.count_pages(site, pages);
}

PostResult CommentService::post(std::string_view site, std::string_view client, Draft draft,
                                std::int64_t now, RateLimiter::Clock::time_point mono_now,
                                const VerifiedAuthor* verified, GuestMode guests,
                                const spam::Signals& signals) {
  if (verified) take_identity(draft, *verified);
  normalize(draft);
  // A banned author or a closed thread is said before anything about the draft.
  Admission admission;
  AuthorKeys keys;
  if (moderation_) {
    keys = moderation_->keys(verified ? verified->provider + ":" + verified->subject : "",
                             draft.email, client);
    admission = moderation_->admit(site, draft.page, keys);
    if (!admission.refused.empty()) {
      return Refused{std::move(admission.refused_code), std::move(admission.refused)};
    }
  }
  FieldErrors errors = validate(draft, verified ? Author::verified : guest_author(guests));
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
  const bool second_pass = signals.akismet.has_value();
  if (!second_pass) {
    if (const int wait = post_limiter_.take(client, mono_now); wait > 0) {
      return RateLimited{wait};
    }
  }
  if (spam_) {
    const spam::Submission submission{site, client, draft, keys, signals, now, mono_now};
    spam::Verdict v = spam_->check(submission, !second_pass);
    if (v.outcome == spam::Outcome::reject) {
      if (v.code == "rate_limited") return RateLimited{v.retry_after};
      return Rejected{std::move(v.code), std::move(v.message)};
    }
    // Spam already needs no second opinion; Akismet's "spam" outranks a local hold.
    if (v.outcome != spam::Outcome::spam && spam_->wants_akismet()) {
      if (!second_pass) return AskAkismet{spam_->akismet_fields(submission)};
      if (!signals.akismet->accepted()) v = *signals.akismet;
    }
    // A spam layer's reason says more than the site's mode ("moderation: all"), so
    // the queue shows it.
    if (v.outcome != spam::Outcome::accept) {
      admission.status = v.outcome == spam::Outcome::spam ? "spam" : "pending";
      admission.reason = std::move(v.reason);
    }
  }
  c.page = draft.page;
  c.author = draft.author;
  c.website = draft.website;
  c.html = markdown::render(draft.text).release();
  c.text = std::move(draft.text);
  c.created = now;
  NewComment row;
  row.site = std::string(site);
  row.title = std::move(draft.title);
  row.email = std::move(draft.email);
  row.comment = std::move(c);
  row.status = std::move(admission.status);
  row.held_reason = std::move(admission.reason);
  row.email_hash = std::move(keys.email_hash);
  row.ip_hash = std::move(keys.ip_hash);
  if (verified) {
    row.comment.provider = verified->provider;
    row.comment.provider_name = verified->provider_name;
    row.comment.avatar =
        verified->avatar.size() <= limits::kMaxWebsiteChars ? verified->avatar : std::string();
    row.subject = verified->subject;
  }
  Comment stored = store_.insert(row);
  if (listener_)
    listener_->posted({row, stored, draft.parent, draft.notify_replies, draft.notify_posts});
  if (row.status != "approved") return Held{std::move(stored)};
  return stored;
}

EditResult CommentService::edit(std::string_view site, Comment comment, std::string text) {
  Draft draft;
  draft.page = comment.page;
  draft.text = std::move(text);
  normalize(draft);
  // Only the text changes: the author's name, email and website stay as posted.
  FieldErrors errors = validate(draft, Author::verified);
  std::erase_if(errors, [](const FieldError& e) { return e.field != "text"; });
  if (!errors.empty()) return errors;
  if (spam_) {
    draft.author = comment.author;  // blocked words are looked for in the name and site too
    draft.website = comment.website;
    if (std::optional<std::string> refused = spam_->refuse_edit(draft)) {
      return FieldErrors{{"text", "refused", std::move(*refused)}};
    }
  }
  comment.html = markdown::render(draft.text).release();
  comment.text = std::move(draft.text);
  if (!store_.update_comment(site, comment.id, comment.text, comment.html)) return CommentGone{};
  return comment;
}

}  // namespace parley::server
