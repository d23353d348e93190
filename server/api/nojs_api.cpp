// The thread without JavaScript (docs/seo-nojs.md): GET /embed/thread renders it as
// HTML, POST /form/comments takes the plain form and sends the reader back.
#include <optional>
#include <string>

#include "api/akismet_check.hpp"
#include "api/encoding.hpp"
#include "api/errors.hpp"
#include "api/handlers.hpp"
#include "api/reader_identity.hpp"
#include "core/embed_parts.hpp"
#include "core/escape.hpp"
#include "core/field_messages.hpp"
#include "core/i18n.hpp"
#include "core/limits.hpp"
#include "core/share_options.hpp"
#include "core/validate.hpp"
#include "live/event_hub.hpp"
#include "live/live_events.hpp"
#include "service/mount_parts.hpp"
#include "service/thread_html.hpp"
#include "spam/form_token.hpp"
#include "spam/honeypot.hpp"
#include "util/text.hpp"

namespace parley::server::handlers {
namespace {

constexpr int kOk = 200;
constexpr int kAccepted = 202;  // stored, held for a moderator
constexpr int kSeeOther = 303;  // after a POST: the browser GETs the Location
constexpr int kBadRequest = 400;
constexpr int kForbidden = 403;  // banned author, closed thread
constexpr int kTooManyRequests = 429;

constexpr std::string_view kFormType = "application/x-www-form-urlencoded";
// Language tags longer than this are not in use (RFC 5646 4.4.1 asks for 35 at least).
constexpr std::size_t kMaxLangTagBytes = 35;
// Titles are bounded in characters (core limits::kMaxTitleChars); UTF-8 takes up to 4
// bytes each.
constexpr std::size_t kMaxTitleBytes = parley::limits::kMaxTitleChars * 4;

// The embed page runs no script and is framed by no one but the reader's own pages;
// the policy is belt and braces over the escaping (docs/security.md).
std::string embed_policy(const Site& site) {
  std::string form_targets = "'self'";
  for (const std::string& origin : site.origins) form_targets += " " + origin;
  return "default-src 'none'; style-src 'self'; img-src 'self' https: data:; base-uri 'none'; "
         "form-action " +
         form_targets;
}

std::string field(const Query& q, std::string_view name) {
  return std::string(q.get(name).value_or(""));
}

std::string page_of(const Query& q) {
  const std::string page = field(q, "page");
  if (page.empty()) throw ApiError(ErrorCode::bad_request, "page is required.");
  if (!is_valid_page_key(page)) {
    throw ApiError(ErrorCode::bad_request, "page is not a valid page key.");
  }
  return page;
}

// Where to send the reader back to on the site: a path ("/2011/07/raids/?p=12"), never
// a scheme or another host ("//evil.example", "/\evil.example"), so the redirect can
// only stay on the origin it is appended to.
bool is_site_path(std::string_view path) {
  if (path.size() > parley::limits::kMaxPageChars || !path.starts_with('/')) return false;
  if (path.starts_with("//")) return false;
  for (const char c : path) {
    const auto b = static_cast<unsigned char>(c);
    if (b <= 0x20 || b >= 0x7f || c == '\\' || c == '"' || c == '<' || c == '>' || c == '#') {
      return false;
    }
  }
  return true;
}

// The thread, language and return path the reader's request names (query or form).
ThreadHtml thread_of(const Site& site, const Query& q) {
  ThreadHtml in;
  in.site = site.id;
  in.page = page_of(q);
  in.title = field(q, "title");
  if (in.title.size() > kMaxTitleBytes) in.title.clear();
  in.lang = field(q, "lang");
  if (in.lang.size() > kMaxLangTagBytes) in.lang.clear();
  in.return_path = field(q, "return");
  if (!is_site_path(in.return_path)) in.return_path.clear();
  return in;
}

std::string stylesheet_url(const Context& ctx) {
  const Asset* css = ctx.services.assets.stylesheet();
  return css ? "/parley.css" : "";
}

// "https://blog.example" from an Origin header, else from a Referer URL; "" if neither.
std::string request_origin(const Request& req) {
  const std::string_view origin = req.header("Origin");
  if (!origin.empty() && origin != "null") return std::string(origin);
  const std::string_view referer = req.header("Referer");
  const std::size_t scheme = referer.find("://");
  if (scheme == std::string_view::npos) return "";
  return std::string(referer.substr(0, referer.find('/', scheme + 3)));
}

// True when `origin` is this server itself: the reader posted from the embed page.
bool is_this_server(std::string_view origin, std::string_view host) {
  const std::size_t scheme = origin.find("://");
  return !host.empty() && scheme != std::string_view::npos && origin.substr(scheme + 3) == host;
}

bool is_form_field(std::string_view name) {
  return name == "text" || name == "author" || name == "email" || name == "website";
}

std::string embed_url(const ThreadHtml& in) {
  std::string url =
      "/embed/thread?site=" + query_encode(in.site) + "&page=" + query_encode(in.page);
  if (!in.title.empty()) url += "&title=" + query_encode(in.title);
  if (!in.lang.empty()) url += "&lang=" + query_encode(in.lang);
  return url;
}

Response refused_form(const Context& ctx, ThreadHtml in, int status) {
  Response res = html_response(
      status, thread_document(ctx.services.comments, std::move(in), stylesheet_url(ctx), ctx.now));
  res.set("Content-Security-Policy", embed_policy(*ctx.site));
  res.set("Cache-Control", "no-store");
  return res;
}

// The mount's parts, as the loader (or an include's URL) passes its attributes.
MountParts mount_of(const Query& q) {
  MountParts m;
  m.parts = q.get("parts").value_or("");
  m.share = q.get("share").value_or("");
  m.share_style = q.get("share_style").value_or("");
  m.native = q.get("native") == "1";
  m.touch = q.get("touch") == "1";
  m.device_known = q.get("native").has_value() || q.get("touch").has_value();
  const std::optional<std::string> prefix = mount_id_prefix(q.get("mount").value_or("1"));
  if (!prefix) {
    throw ApiError(ErrorCode::bad_request, "mount is the mount's number on the page, 1 to " +
                                               std::to_string(kMaxMounts) + ".");
  }
  m.id_prefix = *prefix;
  return m;
}

// The early rendering is asked for on every page view (the loader's HTML first), and
// rendering a thread is costly (a 100-comment one: ~240 a second against ~40,000 cached
// JSON reads), so it is kept like GET /api/comments' body: per page and everything else
// the rendering depends on, until the next write. And for a minute at most: past two, the
// widget would take its dates and rendered_at for an old copy and fetch the thread again.
constexpr std::int64_t kEarlyCacheSeconds = 60;

// The cache's page for an early rendering: the page key, then, after a line break (no
// page key holds one), each other input of the rendering as read, length-prefixed; so
// "likes, comments" and "likes,comments" share one copy, and junk in a list adds none.
std::string early_cache_page(const ThreadHtml& in) {
  std::string parts;
  for (const Part p : in.parts) (parts += part_name(p)) += ',';
  std::string share = "-";
  if (in.share) {
    share = share::style_id(in.share->style);
    share += in.share->can_native ? "+native" : "";
    share += in.share->touch ? "+touch" : "";
    share += in.share->any_device ? "+any" : "";
    for (const share::Target t : in.share->targets) (share += ',') += share::info(t).id;
  }
  std::string k = in.page + "\nearly";
  for (const std::string_view v :
       {std::string_view(in.title), std::string_view(in.lang), std::string_view(parts),
        std::string_view(share), std::string_view(in.form.id_prefix)}) {
    k += '\n' + std::to_string(v.size()) + ':';
    k += v;
  }
  return k;
}

}  // namespace

Response embed_thread(const Request& req, Context& ctx) {
  // Read before anything of the thread: a write landing in between then costs a
  // rebuild on the next read, never a stale hit (as list_comments).
  const std::uint64_t version = ctx.services.comments.data_version();
  ThreadHtml in = thread_of(*ctx.site, ctx.query);
  const std::string_view format = ctx.query.get("format").value_or("");
  in.early = format == "early";
  // "HTML first" (issue 7): what the loader shows before the widget's wasm arrives holds
  // every part of the mount; so does an include that names them.
  if (in.early || (format == "fragment" && ctx.query.get("parts"))) {
    add_mount_parts(in, mount_of(ctx.query));
  }
  ThreadCache* cache = in.early ? ctx.services.threads : nullptr;
  const std::string cached_as = cache ? early_cache_page(in) : std::string();
  if (const Precompressed* hit =
          cache ? cache->find(ctx.site->id, cached_as, version, ctx.now, kEarlyCacheSeconds)
                : nullptr) {
    Response res = html_response(kOk, {});
    set_precompressed(req, res, *hit);
    return res;
  }
  in.form.name_email_required = guest_mode(ctx) != GuestMode::allowed;
  // The widget says "Comments are closed." there too (GET /api/comments' "closed").
  if (Moderation* m = ctx.services.comments.moderation()) {
    in.closed = m->store().closed(ctx.site->id, in.page);
  }
  if (format == "fragment" || in.early) {
    in.base = ctx.services.public_url;
    // Before the thread is read: an event after this point is one the rendering may
    // lack, and the adopting widget asks for it (a replay of one it has is ignored).
    if (ctx.services.events) {
      in.last_event_id = std::to_string(ctx.services.events->resume_point(in.site, in.page));
    }
    if (in.hearts) add_page_likes(in, ctx.services.likes.page(ctx.site->id, in.page, Liker{}));
    std::string html = thread_fragment(ctx.services.comments, std::move(in), ctx.now);
    if (!cache) return html_response(kOk, std::move(html));
    Response res = html_response(kOk, {});
    set_precompressed(req, res,
                      cache->put(ctx.site->id, cached_as, version, std::move(html), ctx.now));
    return res;
  }
  Response res = html_response(
      kOk, thread_document(ctx.services.comments, std::move(in), stylesheet_url(ctx), ctx.now));
  res.set("Content-Security-Policy", embed_policy(*ctx.site));
  return res;
}

Response post_form(const Request& req, Context& ctx) {
  const auto site_id = ctx.query.get("site");
  if (!site_id || site_id->empty()) throw ApiError(ErrorCode::bad_request, "site is required.");
  ctx.site = ctx.services.sites.find(*site_id);
  if (!ctx.site) throw ApiError(ErrorCode::unknown_site, "This site is not served here.");
  if (!starts_with_icase(req.header("Content-Type"), kFormType)) {
    throw ApiError(ErrorCode::unsupported_media_type,
                   "Send the form as application/x-www-form-urlencoded.");
  }
  // CSRF: a form on any page can post here, so the browser's Origin (or Referer) must
  // be one of the site's pages or the embed page on this server.
  const std::string origin = request_origin(req);
  const bool from_site = origin_allowed(*ctx.site, origin);
  if (!from_site && !is_this_server(origin, req.header("Host"))) {
    throw ApiError(ErrorCode::origin_not_allowed,
                   "This form is accepted only from the pages of its site.");
  }
  // A plain form cannot log in: on a site that requires a login it cannot post.
  const GuestMode guests = require_guests_allowed(ctx);
  const Query form = Query::parse_form(req.body);
  ThreadHtml in = thread_of(*ctx.site, form);
  in.form.name_email_required = guests != GuestMode::allowed;
  // The site origin to return to: where the post came from, or, when the form was shown
  // again here after an error, the one it carried along (only if the site lists it).
  const std::string back = from_site ? origin : field(form, "origin");
  in.origin = origin_allowed(*ctx.site, back) ? back : "";

  Draft draft;
  draft.page = in.page;
  draft.title = in.title;
  draft.text = field(form, "comment");
  draft.author = field(form, "author");
  draft.email = field(form, "email");
  draft.website = field(form, "website");
  // A ticked checkbox posts its value ("yes"); an unticked one posts nothing.
  draft.notify_replies = !field(form, view::kNotifyField).empty();
  draft.notify_posts = !field(form, "notify_posts").empty();
  in.form.text = draft.text;
  in.form.author = draft.author;
  in.form.email = draft.email;
  in.form.website = draft.website;
  in.form.notify_replies = draft.notify_replies;
  in.form.notify_posts = draft.notify_posts;

  spam::Signals signals = request_signals(req, ctx);
  signals.honeypot = field(form, spam::kHoneypotField);
  signals.form_token = field(form, spam::kFormTokenField);

  const i18n::Catalog catalog = i18n::Catalog::for_language(in.lang);
  const i18n::Use language(catalog);
  PostResult result = ctx.services.comments.post(ctx.site->id, req.client_ip, std::move(draft),
                                                 ctx.now, ctx.mono_now, nullptr, guests, signals);
  if (auto* errors = std::get_if<FieldErrors>(&result)) {
    in.form.status = catalog.text("status.fix_fields");
    for (const FieldError& e : *errors) {
      in.form.errors.push_back({e.field, e.code, i18n::field_error(e)});
      // Not a field of the form (page, title): the status line says it instead.
      if (!is_form_field(e.field)) in.form.status = in.form.errors.back().message;
    }
    return refused_form(ctx, std::move(in), kBadRequest);
  }
  if (const auto* limited = std::get_if<RateLimited>(&result)) {
    in.form.status = catalog.count("status.too_quickly",
                                   static_cast<std::uint64_t>(limited->retry_after_seconds));
    Response res = refused_form(ctx, std::move(in), kTooManyRequests);
    res.set("Retry-After", std::to_string(limited->retry_after_seconds));
    return res;
  }
  if (const auto* refused = std::get_if<Refused>(&result)) {
    in.form.status = refused->message;
    return refused_form(ctx, std::move(in), kForbidden);
  }
  if (auto* ask = std::get_if<AskAkismet>(&result)) {
    return after_akismet(req, ctx, std::move(ask->fields), post_form);
  }
  if (const auto* rejected = std::get_if<Rejected>(&result)) {
    // Shown again with a fresh render token and the reader's text, to send once more.
    in.form.status = rejected->message;
    return refused_form(ctx, std::move(in), http_status(error_named(rejected->code)));
  }
  if (std::holds_alternative<Held>(result)) {
    // Stored and held for a moderator: the page says so, with an empty form.
    in.form.status = catalog.text("status.held");
    in.form.text.clear();
    return refused_form(ctx, std::move(in), kAccepted);
  }
  const Comment& stored = std::get<Comment>(result);
  if (ctx.services.events) {
    ctx.services.events->publish(ctx.site->id, stored.page,
                                 live::comment_event(live::kCommentCreated, stored));
  }
  // Back to the site's page when we know which origin and path it is, else to the
  // embed page; either way to the new comment.
  const std::string path =
      !in.return_path.empty() ? in.return_path : (is_site_path(in.page) ? in.page : "");
  const std::string anchor = "#parley-comment-" + std::to_string(stored.id);
  Response res;
  res.status = kSeeOther;
  res.set("Location",
          in.origin.empty() || path.empty() ? embed_url(in) + anchor : in.origin + path + anchor);
  res.set("Cache-Control", "no-store");
  return res;
}

}  // namespace parley::server::handlers
