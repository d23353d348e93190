// The pages behind the links in notification mails (docs/notifications.md). Every
// link opens a page with one button; only the POST acts, because mail scanners and
// link previews follow links in mail. One-click unsubscribe (RFC 8058) is that POST
// made by the mail client, with the token in the URL.
#include <charconv>

#include "api/errors.hpp"
#include "api/handlers.hpp"
#include "api/moderation_action.hpp"
#include "api/standalone_page.hpp"
#include "core/html.hpp"
#include "notify/notifier.hpp"
#include "notify/signed_link.hpp"
#include "util/text.hpp"

namespace parley::server::handlers {
namespace {

constexpr std::string_view kFormType = "application/x-www-form-urlencoded";

notify::Notifier& notifier(const Context& ctx) {
  if (!ctx.services.notifier) {
    throw ApiError(ErrorCode::not_found, "Notifications are not set up on this server.");
  }
  return *ctx.services.notifier;
}

Response message(int status, std::string_view title, std::string_view text) {
  HtmlBuilder b;
  b.element("p", {{"class", "parley-notify-message"}}, text);
  return standalone_page(status, title, std::move(b).finish());
}

// The page of a link: what the button will do, and the button, posting `fields`.
Response confirm_page(std::string_view title, std::string_view text, std::string_view action,
                      const std::vector<std::pair<std::string, std::string>>& fields,
                      std::string_view button) {
  HtmlBuilder b;
  b.element("p", {}, text);
  b.open("form", {{"method", "post"}, {"action", action}});
  for (const auto& [name, value] : fields) {
    b.empty("input", {{"type", "hidden"}, {"name", name}, {"value", value}});
  }
  b.element("button", {{"type", "submit"}}, button);
  b.close("form");
  return standalone_page(200, title, std::move(b).finish());
}

Query form_or_query(const Request& req, const Context& ctx) {
  if (starts_with_icase(req.header("Content-Type"), kFormType)) {
    Query form = Query::parse_form(req.body);
    if (form.get("token") || form.get("sig")) return form;
  }
  return ctx.query;
}

std::optional<notify::ModerationLink> link_of(const Query& q) {
  notify::ModerationLink link;
  link.site = std::string(q.get("site").value_or(""));
  link.action = std::string(q.get("action").value_or(""));
  const std::string_view id = q.get("id").value_or("");
  const std::string_view expires = q.get("expires").value_or("");
  if (std::from_chars(id.data(), id.data() + id.size(), link.comment).ec != std::errc() ||
      std::from_chars(expires.data(), expires.data() + expires.size(), link.expires).ec !=
          std::errc()) {
    return std::nullopt;
  }
  if (link.action != "approve" && link.action != "delete") return std::nullopt;
  return link;
}

// What the pages of a subscription's links say: about replies to a comment, or about
// the site's new posts.
struct Wording {
  std::string_view confirm_title, confirm_text, confirmed;
  std::string_view unsubscribe_title, unsubscribe_text, unsubscribed;
};

constexpr std::string_view kNoMoreReplies = "You get no more emails about replies to this comment.";

constexpr Wording kReplies{
    "Confirm replies by email",
    "Get an email when someone replies to your comment.",
    "You will get an email when someone replies to your comment. Each email has a link to "
    "stop them.",
    "Stop reply emails?",
    "You will get no more emails about replies to this comment.",
    kNoMoreReplies};

constexpr Wording kNewPosts{
    "Confirm new posts by email",
    "Get an email when this site has a new post.",
    "You will get an email when this site has a new post. Each email has a link to stop them.",
    "Stop emails about new posts?",
    "You will get no more emails about new posts on this site.",
    "You get no more emails about new posts on this site."};

const Wording& wording(const notify::Subscription& s) {
  return s.comment == notify::kNewPosts ? kNewPosts : kReplies;
}

constexpr std::string_view kBadLink =
    "This link is not valid or has expired. Use the admin UI at /admin instead.";

}  // namespace

Response notify_moderate_page(const Request&, Context& ctx) {
  notify::Notifier& n = notifier(ctx);
  const std::optional<notify::ModerationLink> link = link_of(ctx.query);
  const std::string_view sig = ctx.query.get("sig").value_or("");
  if (!link || !notify::link_valid(n.link_key(), *link, sig, ctx.now)) {
    return message(403, "Link not valid", kBadLink);
  }
  const bool approve = link->action == "approve";
  return confirm_page(approve ? "Approve this comment?" : "Delete this comment?",
                      "Comment " + std::to_string(link->comment) + " on site " + link->site +
                          (approve ? " will be shown to readers." : " will be deleted."),
                      "/notify/moderate",
                      {{"site", link->site},
                       {"id", std::to_string(link->comment)},
                       {"action", link->action},
                       {"expires", std::to_string(link->expires)},
                       {"sig", std::string(sig)}},
                      approve ? "Approve" : "Delete");
}

Response notify_moderate(const Request& req, Context& ctx) {
  notify::Notifier& n = notifier(ctx);
  const Query form = form_or_query(req, ctx);
  const std::optional<notify::ModerationLink> link = link_of(form);
  if (!link || !notify::link_valid(n.link_key(), *link, form.get("sig").value_or(""), ctx.now)) {
    return message(403, "Link not valid", kBadLink);
  }
  if (!apply_moderation_action(ctx, link->site, link->action, link->comment)) {
    return message(404, "Comment not found", "This comment no longer exists.");
  }
  return link->action == "approve"
             ? message(200, "Comment approved", "The comment is now shown to readers.")
             : message(200, "Comment deleted", "The comment was deleted.");
}

Response notify_confirm_page(const Request&, Context& ctx) {
  notify::Notifier& n = notifier(ctx);
  const std::string token(ctx.query.get("token").value_or(""));
  const auto s = token.empty() ? std::nullopt : n.store().subscription(token);
  if (!s) return message(404, "Link not valid", "This subscription does not exist (any more).");
  const Wording w = wording(*s);
  return confirm_page(w.confirm_title, w.confirm_text, "/notify/confirm", {{"token", token}},
                      "Confirm");
}

Response notify_confirm(const Request& req, Context& ctx) {
  notify::Notifier& n = notifier(ctx);
  const Query form = form_or_query(req, ctx);
  const std::string_view token = form.get("token").value_or("");
  const auto s = token.empty() ? std::nullopt : n.store().subscription(token);
  if (!s || !n.store().confirm(token)) {
    return message(404, "Link not valid", "This subscription does not exist (any more).");
  }
  return message(200, "Subscription confirmed", wording(*s).confirmed);
}

Response notify_unsubscribe_page(const Request&, Context& ctx) {
  notify::Notifier& n = notifier(ctx);
  const std::string token(ctx.query.get("token").value_or(""));
  const auto s = token.empty() ? std::nullopt : n.store().subscription(token);
  if (!s) return message(200, "Unsubscribed", kNoMoreReplies);
  const Wording w = wording(*s);
  return confirm_page(w.unsubscribe_title, w.unsubscribe_text, "/notify/unsubscribe",
                      {{"token", token}}, "Unsubscribe");
}

Response notify_unsubscribe(const Request& req, Context& ctx) {
  notify::Notifier& n = notifier(ctx);
  const Query form = form_or_query(req, ctx);
  const std::string_view token = form.get("token").value_or("");
  const auto s = token.empty() ? std::nullopt : n.store().subscription(token);
  // Unsubscribing twice is no error: the reader's wish holds either way.
  if (s) n.store().unsubscribe(token);
  return message(200, "Unsubscribed", s ? wording(*s).unsubscribed : kNoMoreReplies);
}

}  // namespace parley::server::handlers
