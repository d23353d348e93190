#include "notify/notifier.hpp"

#include <iostream>
#include <set>

#include <nlohmann/json.hpp>

#include "auth/crypto.hpp"
#include "auth/http_client.hpp"
#include "core/comment_json.hpp"
#include "notify/mail_message.hpp"
#include "notify/signed_link.hpp"

namespace parley::server::notify {
namespace {

// Random bytes of a subscription token (base64url in links): unguessable, so a link
// names exactly one subscription.
constexpr std::size_t kTokenBytes = 24;
constexpr std::size_t kMessageIdBytes = 18;

// What a mail calls the thread: its title, else its page key.
std::string thread_name(const NewComment& row) {
  return "\"" + (row.title.empty() ? row.comment.page : row.title) + "\"";
}

std::string author_name(const Comment& c) {
  return c.author.empty() ? std::string("Anonymous") : c.author;
}

// The comment's Markdown source, quoted as mail readers show replies.
std::string quote_lines(std::string_view text) {
  std::string out = "> ";
  for (const char c : text) {
    out += c;
    if (c == '\n') out += "> ";
  }
  return out;
}

}  // namespace

void Notifier::posted(const PostedComment& p) noexcept {
  // Spam (the honeypot, Akismet) bothers nobody; it waits in the admin queue.
  if (p.row.status == "spam") return;
  try {
    if (config_.mail_enabled()) {
      if (!config_.owner_email.empty()) owner_mail(p);
      if (p.notify_replies && is_mail_address(p.row.email)) {
        subscribe(
            {p.row.site, p.stored.page, p.stored.id, p.row.email, "", false, p.stored.created},
            "Confirm replies by email on " + thread_name(p.row),
            "when someone replies to your comment on " + page_url(p.row.site, p.stored.page));
      }
      // One subscription to new posts per address and site, however often it is ticked.
      if (p.notify_posts && is_mail_address(p.row.email) &&
          !store_.subscribed(p.row.site, kNewPosts, p.row.email)) {
        const std::string name = site_name(p.row.site);
        subscribe({p.row.site, "", kNewPosts, p.row.email, "", false, p.stored.created},
                  "Confirm new posts by email on " + name, "when " + name + " has a new post");
      }
      if (p.row.status == "approved" && p.replied_to != 0) reply_mails(p);
    }
    webhooks(p);
  } catch (const std::exception& e) {
    // The comment is stored and the reader told so; a lost notification is logged.
    std::cerr << "parleyd: notify: comment " << p.stored.id << ": " << e.what() << '\n';
  }
  if (sender_) sender_->wake();
}

void Notifier::approved(std::string_view site, const QueueItem& item) noexcept {
  if (!config_.mail_enabled() || item.comment.parent == 0) return;
  try {
    NewComment row;
    row.site = site;
    row.title = item.title;
    row.email = item.email;
    row.comment = item.comment;
    reply_mails({row, item.comment, item.comment.parent, false, false});
  } catch (const std::exception& e) {
    std::cerr << "parleyd: notify: comment " << item.comment.id << ": " << e.what() << '\n';
  }
  if (sender_) sender_->wake();
}

std::string Notifier::site_name(std::string_view site) const {
  const Site* s = sites_.find(site);
  return s && !s->title.empty() ? s->title : std::string(site);
}

std::string Notifier::page_url(std::string_view site, std::string_view page) const {
  const Site* s = sites_.find(site);
  if (page.starts_with('/') && s && !s->origins.empty())
    return s->origins.front() + std::string(page);
  return std::string(page);
}

bool Notifier::queue_mail(const std::string& to, const std::string& subject,
                          const std::string& text, const std::string& unsubscribe,
                          std::int64_t now) {
  MailMessage m;
  m.from = config_.smtp.from;
  m.from_name = config_.smtp.from_name;
  m.to = to;
  m.subject = subject;
  m.text = text;
  m.message_id = auth::random_token(kMessageIdBytes);
  m.list_unsubscribe = unsubscribe;
  m.date = now;
  const std::optional<std::string> message = build_mail(m);
  if (!message) return false;
  store_.enqueue("mail", to, *message, now);
  return true;
}

bool Notifier::mail_reader(const std::string& to, const std::string& subject,
                           const std::string& text, std::int64_t now) {
  if (!config_.mail_enabled() || !queue_mail(to, subject, text, "", now)) return false;
  if (sender_) sender_->wake();
  return true;
}

void Notifier::owner_mail(const PostedComment& p) {
  const Comment& c = p.stored;
  const bool held = p.row.status != "approved";
  const std::int64_t expires = c.created + std::int64_t{config_.link_days} * 86400;
  const auto link = [&](const char* action) {
    return public_url_ + "/notify/moderate?" +
           link_query(link_key_, {p.row.site, c.id, action, expires});
  };
  std::string text =
      author_name(c) +
      (held ? " wrote a comment that is held for moderation on " : " commented on ") +
      page_url(p.row.site, c.page) + "\n\n" + quote_lines(c.text) + "\n\n";
  if (held)
    text += "Why it was held: " + p.row.held_reason + "\n\nApprove: " + link("approve") + "\n";
  text += "Delete: " + link("delete") + "\n\nThe links work until " + mail_date(expires) +
          "; each asks you to confirm first.\n";
  const std::string subject =
      (held ? "Comment held for moderation on " : "New comment on ") + thread_name(p.row);
  queue_mail(config_.owner_email, subject, text, "", c.created);
}

void Notifier::subscribe(Subscription s, const std::string& subject, const std::string& what) {
  s.token = auth::random_token(kTokenBytes);
  // An address that confirmed before on this site is known to be the reader's.
  s.confirmed = store_.confirmed_address(s.site, s.email);
  store_.subscribe(s);
  if (s.confirmed) return;
  const std::string text =
      "You asked to get an email " + what +
      ".\n\nTo confirm, open this link and press the button:\n" + public_url_ + "/notify/confirm?" +
      auth::form_encode({{"token", s.token}}) +
      "\n\nIf you did not ask for this, ignore this mail: nothing more will be sent.\n";
  queue_mail(s.email, subject, text, "", s.created);
}

std::optional<std::size_t> Notifier::announce(const std::string& site, const std::string& page,
                                              const std::string& title, std::int64_t now) {
  if (!store_.record_announcement(site, page, now)) return std::nullopt;
  const std::string name = site_name(site);
  const std::string subject =
      "New post on " + name + ": \"" + (title.empty() ? page : title) + "\"";
  std::set<std::string> mailed;
  for (const Subscription& s : store_.subscribers(site, kNewPosts)) {
    if (!mailed.insert(s.email).second) continue;  // each address once
    const std::string unsubscribe =
        public_url_ + "/notify/unsubscribe?" + auth::form_encode({{"token", s.token}});
    const std::string text = "There is a new post on " + name + ":\n\n" +
                             (title.empty() ? page : title) + "\n" + page_url(site, page) +
                             "\n\nNo more emails about new posts on " + name + ":\n" + unsubscribe +
                             "\n";
    queue_mail(s.email, subject, text, unsubscribe, now);
  }
  if (sender_) sender_->wake();
  return mailed.size();
}

void Notifier::reply_mails(const PostedComment& p) {
  const Comment& c = p.stored;
  for (const Subscription& s : store_.subscribers(p.row.site, p.replied_to)) {
    if (s.email == p.row.email) continue;  // nobody is told of their own reply
    const std::string unsubscribe =
        public_url_ + "/notify/unsubscribe?" + auth::form_encode({{"token", s.token}});
    const std::string text = author_name(c) + " replied to your comment on " +
                             page_url(p.row.site, c.page) + ":\n\n" + quote_lines(c.text) +
                             "\n\nNo more mails about replies to this comment:\n" + unsubscribe +
                             "\n";
    queue_mail(s.email, "New reply to your comment on " + thread_name(p.row), text, unsubscribe,
               c.created);
  }
}

void Notifier::webhooks(const PostedComment& p) {
  if (config_.webhooks.empty()) return;
  nlohmann::json comment = comment_to_json(p.stored, /*include_source=*/true);
  comment["status"] = p.row.status;
  const nlohmann::json body{
      {"event", p.row.status == "approved" ? "comment.created" : "comment.held"},
      {"site", p.row.site},
      {"thread",
       {{"page", p.stored.page},
        {"title", p.row.title},
        {"url", page_url(p.row.site, p.stored.page)}}},
      {"comment", std::move(comment)}};
  const std::string json = body.dump();
  for (const std::string& url : config_.webhooks) {
    store_.enqueue("webhook", url, json, p.stored.created);
  }
}

}  // namespace parley::server::notify
