// The admin UI's moderation pages (docs/admin.md): the queue of a site with its
// actions (one comment or a selection), the moderation mode, bans, closed threads,
// pins and edits. Every POST needs the session's CSRF token; every page and action
// needs an account that may see the site.
#include <algorithm>
#include <charconv>

#include "admin/admin_limits.hpp"
#include "admin/queue_page.hpp"
#include "api/admin_handlers.hpp"
#include "api/admin_http.hpp"
#include "api/errors.hpp"
#include "api/moderation_action.hpp"
#include "core/markdown.hpp"
#include "core/validate.hpp"
#include "live/live_events.hpp"
#include "notify/notifier.hpp"
#include "service/moderation.hpp"

namespace parley::server::handlers {
namespace {

using namespace admin_http;

// What each action did, by the code the redirect carries (never text from the request).
struct Done {
  std::string_view code;
  std::string_view one;
  std::string_view many;  // "{n}" is the count
};
constexpr Done kDone[] = {
    {"approve", "Approved the comment.", "Approved {n} comments."},
    {"reject", "Rejected the comment.", "Rejected {n} comments."},
    {"spam", "Marked the comment as spam.", "Marked {n} comments as spam."},
    {"delete", "Deleted the comment.", "Deleted {n} comments."},
    {"pin", "Pinned the comment: it is shown first.", ""},
    {"unpin", "Unpinned the comment.", ""},
    {"ban-identity", "Banned the author's login from this site.", ""},
    {"ban-email", "Banned the author's email from this site.", ""},
    {"ban-ip", "Banned the author's address from this site.", ""},
    {"unban", "Lifted the ban.", ""},
    {"close", "Closed the thread: it takes no new comments.", ""},
    {"open", "Reopened the thread.", ""},
    {"edit", "Saved the edit.", ""},
    {"mode", "Saved the moderation mode.", ""},
    {"none", "Nothing was selected.", ""},
    {"announce", "Announced the page to 1 subscriber.", "Announced the page to {n} subscribers."},
    {"announced-before", "This page was announced before: nothing was sent again.", ""},
};

std::string notice(const Query& q) {
  const std::string_view code = q.get("done").value_or("");
  std::int64_t n = 1;
  const std::string_view count = q.get("n").value_or("1");
  std::from_chars(count.data(), count.data() + count.size(), n);
  for (const Done& d : kDone) {
    if (d.code != code) continue;
    if (n == 1 || d.many.empty()) return std::string(d.one);
    std::string text(d.many);
    text.replace(text.find("{n}"), 3, std::to_string(n));
    return text;
  }
  return "";
}

Moderation& moderation(const Context& ctx) {
  Moderation* m = ctx.services.comments.moderation();
  if (!m) throw ApiError(ErrorCode::unavailable, "Moderation is not available on this server.");
  return *m;
}

// The filters of a queue request or of an action's hidden fields. A request without a
// status shows what waits: the pending comments.
QueueQuery filters_of(const Query& q) {
  QueueQuery f;
  f.site = q.get("site").value_or("");
  const auto status = q.get("status");
  f.status = status ? std::string(*status) : "pending";
  if (!f.status.empty() &&
      std::find(std::begin(admin::kQueueStatuses), std::end(admin::kQueueStatuses), f.status) ==
          std::end(admin::kQueueStatuses)) {
    f.status = "pending";
  }
  f.text = q.get("text").value_or("");
  f.author = q.get("author").value_or("");
  f.page = q.get("page").value_or("");
  f.limit = admin::limits::kQueuePage;
  return f;
}

// The site named by the request, if this account may see it (else nullopt: 403).
bool may_see(const admin::AdminSession& s, const Context& ctx, std::string_view site) {
  return ctx.services.sites.find(site) && s.user.may_see(site);
}

Response back_to_queue(const QueueQuery& f, std::string_view done, std::size_t n = 1) {
  QueueQuery shown = f;
  return redirect("/admin/queue?" + admin::queue_query_string(shown) +
                  "&done=" + std::string(done) + "&n=" + std::to_string(n));
}

void changed(const Context& ctx) {
  // Other parleyd processes learn of it through PostgreSQL's change notifications;
  // this one drops its cached threads at once, so the next read shows the change.
  if (ctx.services.threads) ctx.services.threads->invalidate_all();
}

// Applies one action to one comment of the site; false when the site has no such comment.
bool apply(const Context& ctx, std::string_view site, std::string_view action, std::int64_t id) {
  ModerationStore& store = moderation(ctx).store();
  const std::optional<QueueItem> item = store.find(site, id);
  if (!item) return false;
  const Comment& c = item->comment;
  if (action == "approve") {
    store.set_status(site, id, "approved");
    if (item->status != "approved" && ctx.services.events) {
      // Open pages show it now, as if it had just been posted.
      ctx.services.events->publish(site, c.page, live::comment_event(live::kCommentCreated, c));
    }
    // Replies held at posting reach their parent's subscribers now (docs/notifications.md).
    if (item->status != "approved" && ctx.services.notifier) {
      ctx.services.notifier->approved(site, *item);
    }
  } else if (action == "reject" || action == "delete") {
    store.set_status(site, id, "deleted");
  } else if (action == "spam") {
    store.set_status(site, id, "spam");
  } else if (action == "pin" || action == "unpin") {
    store.set_pinned(site, id, action == "pin");
  } else if (action == "ban-identity" || action == "ban-email" || action == "ban-ip") {
    const std::string_view kind = action.substr(4);
    const std::string& value = kind == "identity" ? item->keys.identity
                               : kind == "email"  ? item->keys.email_hash
                                                  : item->keys.ip_hash;
    if (value.empty()) return false;
    store.ban(site, {std::string(kind), value, ctx.now});
  } else if (action == "close" || action == "open") {
    store.set_closed(site, c.page, action == "close");
  } else {
    return false;
  }
  changed(ctx);
  return true;
}

// Mails the site's subscribers to new posts about the page of comment `id`'s thread,
// once per page (docs/notifications.md). Owners only: it mails readers.
Response announce(const Context& ctx, const admin::AdminSession& s, const QueueQuery& f,
                  std::int64_t id) {
  if (s.user.role != admin::kOwner) return forbidden("Only owners announce posts.");
  notify::Notifier* n = ctx.services.notifier;
  if (!n || !n->mail_enabled()) {
    throw ApiError(ErrorCode::unavailable, "This server sends no mail (notify.smtp).");
  }
  const std::optional<QueueItem> item = moderation(ctx).store().find(f.site, id);
  if (!item) throw ApiError(ErrorCode::bad_request, "No such comment or action.");
  const auto mailed = n->announce(f.site, item->comment.page, item->title, ctx.now);
  if (!mailed) return back_to_queue(f, "announced-before");
  return back_to_queue(f, "announce", *mailed);
}

std::optional<std::int64_t> parse_id(std::string_view text) {
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

Response edit_form(const Context& ctx, const admin::AdminSession& s, QueueItem item,
                   std::string text, admin::FormMessage message, const QueueQuery& back,
                   int status) {
  (void)ctx;
  const admin::EditView view{s, std::move(item), std::move(text), std::move(message), back};
  return page(status, "Edit a comment", admin::edit_page(view), &s);
}

}  // namespace

Response admin_queue(const Request& req, Context& ctx) {
  const auto s = session(req, ctx);
  if (!s) return redirect("/admin/login");
  QueueQuery f = filters_of(ctx.query);
  if (!may_see(*s, ctx, f.site)) return forbidden("This account cannot see that site.");
  Moderation& m = moderation(ctx);
  admin::QueueView view{*s,
                        f.site,
                        m.mode(f.site),
                        s->user.role == admin::kOwner,
                        f,
                        m.store().queue(f),
                        m.store().bans(f.site),
                        {},
                        notice(ctx.query)};
  view.may_announce =
      view.may_set_mode && ctx.services.notifier && ctx.services.notifier->mail_enabled();
  for (const QueueItem& q : view.items) {
    const std::string& p = q.comment.page;
    if (std::find(view.closed_pages.begin(), view.closed_pages.end(), p) ==
            view.closed_pages.end() &&
        m.store().closed(f.site, p)) {
      view.closed_pages.push_back(p);
    }
  }
  return page(200, "Moderation: " + f.site, admin::queue_page(view), &*s);
}

Response admin_queue_action(const Request& req, Context& ctx) {
  const Query fields = form(req);
  const auto s = session_for_post(req, ctx, fields);
  if (!s) return forbidden("This form has expired. Please reload the page.");
  const QueueQuery f = filters_of(fields);
  if (!may_see(*s, ctx, f.site)) return forbidden("This account cannot see that site.");
  // One comment's own button ("approve:12"), or a bulk action on the ticked comments.
  if (const auto one = fields.get("one")) {
    const auto colon = one->rfind(':');
    const auto id =
        colon == std::string_view::npos ? std::nullopt : parse_id(one->substr(colon + 1));
    const std::string_view action = one->substr(0, colon);
    if (action == "announce" && id) return announce(ctx, *s, f, *id);
    if (!id || !apply(ctx, f.site, action, *id)) {
      throw ApiError(ErrorCode::bad_request, "No such comment or action.");
    }
    return back_to_queue(f, action);
  }
  const std::string action(fields.get("action").value_or(""));
  if (action != "approve" && action != "spam" && action != "delete") {
    throw ApiError(ErrorCode::bad_request, "Choose an action.");
  }
  std::size_t n = 0;
  for (const std::string& text : fields.all("id")) {
    const auto id = parse_id(text);
    if (id && apply(ctx, f.site, action, *id)) ++n;
  }
  return back_to_queue(f, n == 0 ? "none" : action, n);
}

Response admin_settings(const Request& req, Context& ctx) {
  const Query fields = form(req);
  const auto s = session_for_post(req, ctx, fields);
  if (!s) return forbidden("This form has expired. Please reload the page.");
  const QueueQuery f = filters_of(fields);
  if (!may_see(*s, ctx, f.site)) return forbidden("This account cannot see that site.");
  if (s->user.role != admin::kOwner) return forbidden("Only owners set the moderation mode.");
  const std::string_view mode = fields.get("mode").value_or("");
  if (!is_moderation_mode(mode)) throw ApiError(ErrorCode::bad_request, "Unknown mode.");
  moderation(ctx).store().set_mode(f.site, mode);
  return back_to_queue(f, "mode");
}

Response admin_unban(const Request& req, Context& ctx) {
  const Query fields = form(req);
  const auto s = session_for_post(req, ctx, fields);
  if (!s) return forbidden("This form has expired. Please reload the page.");
  const QueueQuery f = filters_of(fields);
  if (!may_see(*s, ctx, f.site)) return forbidden("This account cannot see that site.");
  const std::string_view ban = fields.get("ban").value_or("");
  const auto colon = ban.find(':');
  if (colon == std::string_view::npos ||
      !moderation(ctx).store().unban(f.site, ban.substr(0, colon), ban.substr(colon + 1))) {
    throw ApiError(ErrorCode::bad_request, "No such ban.");
  }
  return back_to_queue(f, "unban");
}

Response admin_edit_page(const Request& req, Context& ctx) {
  const auto s = session(req, ctx);
  if (!s) return redirect("/admin/login");
  const QueueQuery f = filters_of(ctx.query);
  if (!may_see(*s, ctx, f.site)) return forbidden("This account cannot see that site.");
  const auto id = parse_id(ctx.query.get("id").value_or(""));
  std::optional<QueueItem> item = id ? moderation(ctx).store().find(f.site, *id) : std::nullopt;
  if (!item) throw ApiError(ErrorCode::not_found, "No such comment.");
  std::string text = item->comment.text;
  return edit_form(ctx, *s, std::move(*item), std::move(text), {}, f, 200);
}

Response admin_edit(const Request& req, Context& ctx) {
  const Query fields = form(req);
  const auto s = session_for_post(req, ctx, fields);
  if (!s) return forbidden("This form has expired. Please reload the page.");
  const QueueQuery f = filters_of(fields);
  if (!may_see(*s, ctx, f.site)) return forbidden("This account cannot see that site.");
  const auto id = parse_id(fields.get("id").value_or(""));
  ModerationStore& store = moderation(ctx).store();
  std::optional<QueueItem> item = id ? store.find(f.site, *id) : std::nullopt;
  if (!item) throw ApiError(ErrorCode::not_found, "No such comment.");
  // The same rules as a reader's comment (core's validation), then core's renderer.
  Draft d;
  d.page = item->comment.page;
  d.author = item->comment.author.empty() ? "-" : item->comment.author;
  d.text = fields.get("comment").value_or("");
  normalize(d);
  for (const FieldError& e : validate(d)) {
    if (e.field == "text") {
      std::string text(fields.get("comment").value_or(""));
      return edit_form(ctx, *s, std::move(*item), std::move(text), {"comment", e.message}, f, 400);
    }
  }
  store.edit(f.site, *id, d.text, markdown::render(d.text).release());
  changed(ctx);
  return back_to_queue(f, "edit");
}

bool apply_moderation_action(const Context& ctx, std::string_view site, std::string_view action,
                             std::int64_t id) {
  return apply(ctx, site, action, id);
}

}  // namespace parley::server::handlers
