#include "notify/notifier.hpp"

#include <iostream>

#include <nlohmann/json.hpp>

#include "auth/crypto.hpp"
#include "auth/http_client.hpp"
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
      if (p.notify_replies && !p.row.email.empty()) subscribe(p);
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
    reply_mails({row, item.comment, item.comment.parent, false});
  } catch (const std::exception& e) {
    std::cerr << "parleyd: notify: comment " << item.comment.id << ": " << e.what() << '\n';
  }
  if (sender_) sender_->wake();
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

void Notifier::subscribe(const PostedComment& p) {
  const std::string email = p.row.email;
  if (!is_mail_address(email)) return;
  Subscription s;
  s.site = p.row.site;
  s.page = p.stored.page;
  s.comment = p.stored.id;
  s.email = email;
  s.token = auth::random_token(kTokenBytes);
  // An address that confirmed before on this site is known to be the reader's.
  s.confirmed = store_.confirmed_address(s.site, email);
  s.created = p.stored.created;
  store_.subscribe(s);
  if (s.confirmed) return;
  const std::string text =
      "You asked to get an email when someone replies to your comment on " +
      page_url(s.site, s.page) + ".\n\nTo confirm, open this link and press the button:\n" +
      public_url_ + "/notify/confirm?" + auth::form_encode({{"token", s.token}}) +
      "\n\nIf you did not ask for this, ignore this mail: nothing more will be sent.\n";
  queue_mail(email, "Confirm replies by email on " + thread_name(p.row), text, "", s.created);
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
