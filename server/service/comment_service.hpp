// Comment use cases: read a thread, count threads, post a comment. Owns the rules that
// need the store (parent exists, depth cap, thread size); content rules are core's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/comment.hpp"
#include "core/guest_mode.hpp"
#include "core/result.hpp"
#include "service/comment_listener.hpp"
#include "service/moderation.hpp"
#include "service/rate_limiter.hpp"
#include "spam/spam_filter.hpp"
#include "store/store.hpp"

namespace parley::server {

// The client posted too often; it may retry after this many seconds.
struct RateLimited {
  int retry_after_seconds = 1;
};

// A logged-in author as their verified session token names them (api/reader_identity).
struct VerifiedAuthor {
  std::string provider;       // provider id, as configured for the site
  std::string provider_name;  // "GitHub"
  std::string subject;        // the provider's user id; stored, never published
  std::string name;
  std::string avatar;  // https URL or ""
};

// The author may not post here (docs/admin.md): `code` "banned" (a moderator banned
// them from the site) or "closed" (a moderator closed the thread), and the message.
struct Refused {
  std::string code;
  std::string message;
};

// A spam layer refused it (docs/spam.md): `code` "too_fast", "form_expired" (plain form)
// or "duplicate", and the message.
struct Rejected {
  std::string code;
  std::string message;
};

// Nothing stored yet: the comment passed every other layer and Akismet is to be asked
// (off the I/O thread, api/akismet_check.cpp) with these fields; the post is then made
// again with its answer in spam::Signals::akismet.
struct AskAkismet {
  spam::AkismetFields fields;
};

// Stored, but held for a moderator: readers do not see it until it is approved.
struct Held {
  Comment comment;
};

// A stored comment, every reason the draft was refused, a rate-limit refusal, a
// moderation refusal, a comment held for moderation (or marked as spam: the sender is
// told the same), or a spam layer's refusal.
using PostResult =
    std::variant<Comment, FieldErrors, RateLimited, Refused, Held, Rejected, AskAkismet>;

// The comment was deleted before the edit reached the store.
struct CommentGone {};
// The edited comment, or why the new text was refused.
using EditResult = std::variant<Comment, FieldErrors, CommentGone>;

// What readers see of a page's comments (oldest first, approved and deleted): deleted
// comments without visible replies are left out, the others become empty placeholders.
std::vector<Comment> visible_thread(std::vector<Comment> comments);

class CommentService {
 public:
  // `post_limiter` is charged only for comments that would be stored, so a reader
  // fixing a validation error does not lose their budget.
  CommentService(Store& store, RateLimiter& post_limiter)
      : store_(store), post_limiter_(post_limiter) {}

  std::vector<Comment> thread(std::string_view site, std::string_view page);
  std::vector<std::size_t> counts(std::string_view site, const std::vector<std::string>& pages);
  // Store::data_version(): what a cached thread is checked against.
  std::uint64_t data_version() { return store_.data_version(); }
  // Bans, closed threads and held comments (docs/admin.md); without it every comment
  // is shown at once.
  void set_moderation(Moderation* moderation) { moderation_ = moderation; }
  Moderation* moderation() const { return moderation_; }
  // The spam layers (docs/spam.md); without it no comment is checked for spam.
  void set_spam(spam::SpamFilter* filter) { spam_ = filter; }
  spam::SpamFilter* spam() const { return spam_; }
  // Told of every stored comment (notifications); none by default.
  void set_listener(CommentListener* listener) { listener_ = listener; }
  // The forms offer "Notify me of follow-up comments by email" (docs/notifications.md).
  bool offers_reply_mail() const { return listener_ != nullptr && listener_->mails_replies(); }
  // The newest approved comments of a site (page "") or a page, for feeds.
  std::vector<FeedEntry> recent(std::string_view site, std::string_view page, std::size_t limit) {
    return store_.recent_comments(site, page, limit);
  }

  // Normalises and validates the draft, places it in its thread (a reply to a comment
  // at limits::kMaxDepth becomes that comment's sibling), renders its Markdown and
  // stores it, if `client` (the IP) is within its post budget. `now` is the creation
  // time in Unix seconds. With `verified`, the author's name and avatar are theirs and
  // the draft's guest fields (name, email, website) are ignored; without, they are
  // checked as the site's guest mode says (`allowed`: name and email may be empty).
  // `signals` is what the request carried for the spam layers. The second pass of a
  // post Akismet was asked about (signals.akismet set) does not charge the rate limits
  // again.
  PostResult post(std::string_view site, std::string_view client, Draft draft, std::int64_t now,
                  RateLimiter::Clock::time_point mono_now, const VerifiedAuthor* verified = nullptr,
                  GuestMode guests = kDefaultGuestMode, const spam::Signals& signals = {});

  // A reader's own comment (api/own_comments_api.cpp decides whether they may change
  // it): the comment of the site with this id, whatever its status.
  std::optional<AuthoredComment> find(std::string_view site, std::int64_t id) {
    return store_.find_comment(site, id);
  }
  // New text for `comment`: normalised, validated and rendered by core as a post's is.
  EditResult edit(std::string_view site, Comment comment, std::string text);
  // Deletes an approved comment (replies keep its placeholder); false when there is none.
  bool remove(std::string_view site, std::int64_t id) { return store_.delete_comment(site, id); }

 private:
  Store& store_;
  RateLimiter& post_limiter_;
  Moderation* moderation_ = nullptr;
  spam::SpamFilter* spam_ = nullptr;
  CommentListener* listener_ = nullptr;
};

}  // namespace parley::server
