// Turns stored comments into outbox items (docs/notifications.md): the owner's mail
// about a new or held comment with signed approve/delete links, the confirmation mail
// of a reply subscription (double opt-in), mails to confirmed subscribers when their
// comment gets a reply (with one-click unsubscribe), the same for subscriptions to the
// site's new posts and their announcements, and webhook calls. Writes rows and wakes
// the sender; never talks to the network itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "notify/notify_config.hpp"
#include "notify/outbox_sender.hpp"
#include "notify/outbox_store.hpp"
#include "service/comment_listener.hpp"
#include "service/sites.hpp"
#include "store/moderation_store.hpp"

namespace parley::server::notify {

class Notifier final : public CommentListener {
 public:
  // `link_key` signs the owner's links (the server secret); `sender` may be null (the
  // rows then wait for the next parleyd that sends).
  Notifier(OutboxStore& store, OutboxSender* sender, const NotifyConfig& config, const Sites& sites,
           std::string link_key)
      : store_(store),
        sender_(sender),
        config_(config),
        sites_(sites),
        link_key_(std::move(link_key)) {}

  // parleyd's address as readers see it, which links in mail start with.
  void set_public_url(std::string url) { public_url_ = std::move(url); }

  void posted(const PostedComment& posted) noexcept override;
  bool mails_replies() const noexcept override { return config_.mail_enabled(); }
  // A held comment a moderator approved (in /admin or by the owner's mail link): if it
  // is a reply, the subscribers of the comment it answers hear of it now, as they would
  // have had it been shown at once.
  void approved(std::string_view site, const QueueItem& item) noexcept;

  // Queues a mail to a reader (their /privacy link) and wakes the sender; false when
  // no mail server is configured or the address is unusable.
  bool mail_reader(const std::string& to, const std::string& subject, const std::string& text,
                   std::int64_t now);

  // Mails every confirmed subscriber to the site's new posts about the page (each
  // address once); the mails' count, or nullopt when the page was announced before
  // (nothing is sent again). Callers check mail_enabled() first.
  std::optional<std::size_t> announce(const std::string& site, const std::string& page,
                                      const std::string& title, std::int64_t now);
  bool mail_enabled() const { return config_.mail_enabled(); }

  OutboxStore& store() { return store_; }
  const std::string& link_key() const { return link_key_; }

 private:
  void owner_mail(const PostedComment& p);
  // Adds the subscription `s` (token and confirmation filled in here) and, unless the
  // address confirmed before, mails `what` (the confirmation's reason) and its link.
  void subscribe(Subscription s, const std::string& subject, const std::string& what);
  void reply_mails(const PostedComment& p);
  void webhooks(const PostedComment& p);
  // Queues a mail to `to`; false when it cannot be built (the address is unusable).
  bool queue_mail(const std::string& to, const std::string& subject, const std::string& text,
                  const std::string& unsubscribe, std::int64_t now);
  // The site's name for readers: its title, else its id.
  std::string site_name(std::string_view site) const;
  // The page's address on its site (the site's first origin + the page's path).
  std::string page_url(std::string_view site, std::string_view page) const;

  OutboxStore& store_;
  OutboxSender* sender_;
  const NotifyConfig& config_;
  const Sites& sites_;
  std::string link_key_;
  std::string public_url_;
};

}  // namespace parley::server::notify
