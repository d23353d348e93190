// The guest's side of "export and delete my data" (docs/privacy.md): /privacy asks for
// the email they commented with and mails that address a signed link; the link's page
// lists their comments with "Download as JSON" and "Delete all my comments". The GETs
// show, only the POSTs act (mail scanners follow links), and the request form answers
// the same whether or not the address has comments.
#include <charconv>

#include "api/erased_comments.hpp"
#include "api/errors.hpp"
#include "api/handlers.hpp"
#include "api/standalone_page.hpp"
#include "core/dates.hpp"
#include "core/limits.hpp"
#include "notify/data_link.hpp"
#include "notify/mail_message.hpp"
#include "notify/notifier.hpp"
#include "privacy/reader_data.hpp"
#include "util/text.hpp"

namespace parley::server::handlers {
namespace {

constexpr std::string_view kFormType = "application/x-www-form-urlencoded";
// Nothing but the page itself, its empty data: icon (which saves a /favicon.ico
// request) and forms posting back to parleyd.
constexpr std::string_view kCsp =
    "default-src 'none'; img-src data:; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'";
constexpr std::string_view kEmailId = "parley-privacy-email";
constexpr std::string_view kEmailErrorId = "parley-privacy-email-error";

Response guarded(Response res) {
  res.set("Content-Security-Policy", std::string(kCsp));
  res.set("X-Frame-Options", "DENY");
  return res;
}

Response note(int status, std::string_view title, std::string_view text) {
  HtmlBuilder b;
  b.element("p", {{"class", "parley-privacy-message"}}, text);
  return guarded(standalone_page(status, title, std::move(b).finish()));
}

Response request_form(int status, const Site& site, std::string_view email,
                      std::string_view error) {
  HtmlBuilder b;
  b.element("p", {},
            "Enter the email address you used when commenting on " + site.title +
                ". We send a link to it that shows your comments there, lets you download "
                "them and delete them.");
  b.open("form", {{"method", "post"}, {"action", "/privacy"}});
  b.empty("input", {{"type", "hidden"}, {"name", "site"}, {"value", site.id}});
  b.element("label", {{"for", kEmailId}}, "Email");
  const bool invalid = !error.empty();
  b.empty("input", {{"type", "email"},
                    {"id", kEmailId},
                    {"name", "email"},
                    {"required", "required"},
                    {"maxlength", std::to_string(parley::limits::kMaxEmailChars)},
                    {"autocomplete", "email"},
                    {"value", email},
                    {invalid ? "aria-invalid" : "", "true"},
                    {invalid ? "aria-describedby" : "", kEmailErrorId}});
  if (!error.empty()) {
    b.element("p", {{"id", kEmailErrorId}, {"class", "parley-privacy-error"}}, error);
  }
  b.element("button", {{"type", "submit"}}, "Email me a link");
  b.close("form");
  return guarded(standalone_page(status, "Your data on " + site.title, std::move(b).finish()));
}

privacy::PrivacyStore& privacy_store(const Context& ctx) {
  if (!ctx.services.privacy) {
    throw ApiError(ErrorCode::unavailable, "Your data cannot be reached right now.");
  }
  return *ctx.services.privacy;
}

// The mailed link's fields, from the query (GET) or the form (POST).
std::optional<notify::DataLink> data_link_of(const Query& q) {
  notify::DataLink link;
  link.site = std::string(q.get("site").value_or(""));
  link.email = std::string(q.get("email").value_or(""));
  const std::string_view expires = q.get("expires").value_or("");
  if (link.site.empty() || link.email.empty() ||
      std::from_chars(expires.data(), expires.data() + expires.size(), link.expires).ec !=
          std::errc()) {
    return std::nullopt;
  }
  return link;
}

struct ValidLink {
  notify::DataLink link;
  std::string sig;
  const Site* site = nullptr;
};

// The link when its signature holds and it has not expired; else nullopt.
std::optional<ValidLink> valid_link(const Query& q, const Context& ctx) {
  const notify::Notifier* n = ctx.services.notifier;
  std::optional<notify::DataLink> link = data_link_of(q);
  const std::string sig(q.get("sig").value_or(""));
  if (!n || !link || !notify::data_link_valid(n->link_key(), *link, sig, ctx.now)) {
    return std::nullopt;
  }
  const Site* site = ctx.services.sites.find(link->site);
  if (!site) return std::nullopt;
  return ValidLink{std::move(*link), sig, site};
}

Response bad_link() {
  return note(403, "Link not valid",
              "This link is not valid or has expired. Ask for a new one on the page where "
              "you asked for this one.");
}

privacy::DataOwner guest(const notify::DataLink& link) {
  return {"", "", link.email};
}

Query form_of(const Request& req) {
  if (!starts_with_icase(req.header("Content-Type"), kFormType)) {
    throw ApiError(ErrorCode::unsupported_media_type, "Send the form as a browser does.");
  }
  return Query::parse_form(req.body);
}

}  // namespace

Response privacy_page(const Request&, Context& ctx) {
  const Site* site = ctx.services.sites.find(ctx.query.get("site").value_or(""));
  if (!site) return note(404, "Unknown site", "There is no such site on this server.");
  if (!ctx.services.notifier) {
    return note(200, "Your data on " + site->title,
                "This server sends no email, so it cannot send you a link to your comments. "
                "Write to the owner of " +
                    site->title + " to get or delete them.");
  }
  return request_form(200, *site, "", "");
}

Response privacy_request(const Request& req, Context& ctx) {
  const Query form = form_of(req);
  const Site* site = ctx.services.sites.find(form.get("site").value_or(""));
  if (!site) return note(404, "Unknown site", "There is no such site on this server.");
  notify::Notifier* n = ctx.services.notifier;
  if (!n) return note(503, "No email", "This server sends no email.");
  const std::string_view typed = form.get("email").value_or("");
  if (typed.empty()) return request_form(400, *site, typed, "Please enter your email address.");
  if (typed.size() > parley::limits::kMaxEmailChars || !notify::is_mail_address(typed)) {
    return request_form(400, *site, typed.substr(0, parley::limits::kMaxEmailChars),
                        "Please enter a valid email address.");
  }
  const std::string email = to_lower(typed);
  if (RateLimiter* limiter = ctx.services.privacy_limiter) {
    const int wait = std::max(limiter->take("ip " + req.client_ip, ctx.mono_now),
                              limiter->take("email " + email, ctx.mono_now));
    if (wait > 0) {
      Response res =
          request_form(429, *site, typed, "Too many requests. Please try again in a minute.");
      res.set("Retry-After", std::to_string(wait));
      return res;
    }
  }
  // Only an address with comments gets mail, so the form cannot mail strangers; the
  // answer below is the same either way.
  if (!privacy_store(ctx).comments_of(site->id, {"", "", email}).empty()) {
    const notify::DataLink link{site->id, email, ctx.now + notify::kDataLinkSeconds};
    const std::string url =
        ctx.services.public_url + "/privacy/data?" + notify::data_link_query(n->link_key(), link);
    n->mail_reader(email, "Your comments on " + site->title,
                   "Someone (we hope you) asked for the comments posted with this address on " +
                       site->title +
                       ".\n\nTo see, download or delete them, open this link "
                       "(it works for 24 hours):\n" +
                       url + "\n\nIf you did not ask for this, ignore this mail.\n",
                   ctx.now);
  }
  return note(200, "Check your mail",
              "If comments on " + site->title +
                  " were posted with this address, a link to them is on its way. It works "
                  "for 24 hours.");
}

Response privacy_data_page(const Request&, Context& ctx) {
  const std::optional<ValidLink> v = valid_link(ctx.query, ctx);
  if (!v) return bad_link();
  privacy::PrivacyStore& store = privacy_store(ctx);
  const std::vector<privacy::OwnComment> comments = store.comments_of(v->link.site, guest(v->link));
  const std::size_t subscriptions = store.subscriptions_of(v->link.site, v->link.email).size();
  const std::string query = notify::data_link_query(ctx.services.notifier->link_key(), v->link);
  HtmlBuilder b;
  b.element("p", {},
            "Comments posted with " + v->link.email + " on " + v->site->title + ": " +
                std::to_string(comments.size()) +
                ". Subscriptions to replies by email: " + std::to_string(subscriptions) + ".");
  const std::string download = "/privacy/data.json?" + query;
  b.open("p").element("a", {{"href", download}, {"download", "parley-comments.json"}},
                      "Download as JSON");
  b.close("p");
  if (!comments.empty() || subscriptions > 0) {
    b.open("form", {{"method", "post"}, {"action", "/privacy/delete"}});
    const std::string expires = std::to_string(v->link.expires);
    b.empty("input", {{"type", "hidden"}, {"name", "site"}, {"value", v->link.site}});
    b.empty("input", {{"type", "hidden"}, {"name", "email"}, {"value", v->link.email}});
    b.empty("input", {{"type", "hidden"}, {"name", "expires"}, {"value", expires}});
    b.empty("input", {{"type", "hidden"}, {"name", "sig"}, {"value", v->sig}});
    b.element("button", {{"type", "submit"}}, "Delete all my comments");
    b.close("form");
  }
  if (!comments.empty()) {
    b.open("ol", {{"class", "parley-privacy-comments"}});
    for (const privacy::OwnComment& c : comments) {
      const std::string date = iso8601_utc(c.created);
      b.open("li").open("p");
      b.text(c.page + " · ");
      b.element("time", {{"datetime", date}}, date);
      b.text(" · " + c.status);
      b.close("p");
      b.element("p", {{"class", "parley-privacy-text"}}, c.text);
      b.close("li");
    }
    b.close("ol");
  }
  return guarded(standalone_page(200, "Your comments on " + v->site->title, std::move(b).finish()));
}

Response privacy_data_json(const Request&, Context& ctx) {
  const std::optional<ValidLink> v = valid_link(ctx.query, ctx);
  if (!v) return bad_link();
  privacy::PrivacyStore& store = privacy_store(ctx);
  const privacy::ReaderData data{store.comments_of(v->link.site, guest(v->link)),
                                 {},
                                 store.subscriptions_of(v->link.site, v->link.email)};
  Response res = json_response(200, privacy::reader_data_json(v->link.site, data, ctx.now));
  res.set("Content-Disposition", "attachment; filename=\"parley-comments.json\"");
  res.set("Cache-Control", "no-store");
  return guarded(std::move(res));
}

Response privacy_delete(const Request& req, Context& ctx) {
  const std::optional<ValidLink> v = valid_link(form_of(req), ctx);
  if (!v) return bad_link();
  privacy::PrivacyStore& store = privacy_store(ctx);
  const std::vector<privacy::OwnComment> listed = store.comments_of(v->link.site, guest(v->link));
  const std::size_t n = store.erase_comments_of(v->link.site, guest(v->link));
  const std::size_t subscriptions = store.erase_subscriptions_of(v->link.site, v->link.email);
  announce_erased(ctx, v->link.site, listed);
  return note(200, "Comments deleted",
              std::to_string(n) + (n == 1 ? " comment was" : " comments were") +
                  " deleted. Replies to them keep a placeholder saying \"This comment was "
                  "deleted\". Subscriptions to replies ended: " +
                  std::to_string(subscriptions) + ".");
}

}  // namespace parley::server::handlers
