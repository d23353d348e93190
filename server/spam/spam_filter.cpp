#include "spam/spam_filter.hpp"

#include "server_limits.hpp"
#include "spam/duplicates.hpp"
#include "spam/form_token.hpp"
#include "spam/honeypot.hpp"
#include "spam/links.hpp"

namespace parley::server::spam {

SpamFilter::SpamFilter(SpamConfig config, ModerationStore& store, std::string secret)
    : config_(std::move(config)),
      store_(store),
      secret_(std::move(secret)),
      blocked_(config_.blocked_words),
      identity_limiter_(config_.identity_posts_per_minute, limits::kMaxTrackedClients),
      pow_(config_.pow, secret_) {}

std::string SpamFilter::form_token(std::string_view site, std::int64_t now) const {
  return spam::form_token(secret_, site, now);
}

AkismetFields SpamFilter::akismet_fields(const Submission& s) const {
  const Signals& in = s.signals;
  AkismetFields f{{"blog", in.blog}, {"user_ip", std::string(s.client)}};
  if (!in.user_agent.empty()) f.emplace_back("user_agent", in.user_agent);
  if (!in.referrer.empty()) f.emplace_back("referrer", in.referrer);
  if (s.draft.page.starts_with('/')) f.emplace_back("permalink", in.blog + s.draft.page);
  f.emplace_back("comment_type", s.draft.parent == 0 ? "comment" : "reply");
  f.emplace_back("comment_author", s.draft.author);
  f.emplace_back("comment_author_email", s.draft.email);
  f.emplace_back("comment_author_url", s.draft.website);
  f.emplace_back("comment_content", s.draft.text);
  f.emplace_back("blog_charset", "UTF-8");
  return f;
}

std::optional<std::string> SpamFilter::refuse_edit(const Draft& d) const {
  if (!check_links(d.text, config_.max_links).accepted()) {
    return "This edit has more links than a comment on this site may have (" +
           std::to_string(config_.max_links) + ").";
  }
  if (!blocked_.check({d.text, d.author, d.email, d.website}).accepted()) {
    return std::string("This edit has words this site does not accept in comments.");
  }
  return std::nullopt;
}

Verdict SpamFilter::check(const Submission& s, bool charge) {
  // Refusals first, cheapest first: they store nothing.
  const Proof* proof = pow_.enabled() && s.signals.proof ? &*s.signals.proof : nullptr;
  if (proof) {
    if (Verdict v = pow_.check(s.site, *proof, s.now, config_.min_form_seconds, !charge);
        !v.accepted()) {
      return v;
    }
  }
  if (s.signals.form_token && config_.min_form_seconds > 0) {
    if (Verdict v = check_form_token(secret_, s.site, *s.signals.form_token, s.now,
                                     config_.min_form_seconds);
        !v.accepted()) {
      return v;
    }
  }
  if (Verdict v =
          check_duplicate(store_, s.site, s.author, s.draft.text, s.now, config_.duplicate_hours);
      !v.accepted()) {
    return v;
  }
  // Last of the refusals: a refused post does not use up the author's budget.
  const std::string& who = s.author.identity.empty() ? s.author.email_hash : s.author.identity;
  if (charge && !who.empty()) {
    if (const int wait = identity_limiter_.take(who, s.mono_now); wait > 0) {
      return Verdict::reject("rate_limited",
                             "You are posting comments too quickly. Please wait a moment.", wait);
    }
  }
  // Past every refusal: the proof is spent only by a post that gets stored, so a reader
  // told "duplicate" may fix the text and send it with the same proof.
  if (proof && charge) pow_.spend(*proof, s.client, s.now);
  // Then what stores the comment without showing it.
  if (config_.honeypot) {
    if (Verdict v = check_honeypot(s.signals.honeypot); !v.accepted()) return v;
  }
  if (Verdict v = check_links(s.draft.text, config_.max_links); !v.accepted()) return v;
  return blocked_.check({s.draft.text, s.draft.author, s.draft.email, s.draft.website});
}

}  // namespace parley::server::spam
