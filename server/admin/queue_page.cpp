#include "admin/queue_page.hpp"

#include <algorithm>

#include "core/dates.hpp"
#include "core/html.hpp"
#include "core/share.hpp"

namespace parley::server::admin {
namespace {

struct Choice {
  std::string_view value;
  std::string_view label;
};
constexpr Choice kModes[] = {
    {"none", "None: every comment is shown at once"},
    {"first", "First comment of each new author is held"},
    {"all", "All comments are held"},
};

void hidden(HtmlBuilder& b, std::string_view name, std::string_view value) {
  b.empty("input", {{"type", "hidden"}, {"name", name}, {"value", value}});
}

// The filters every action carries back, so the moderator returns to the same list.
void filter_fields(HtmlBuilder& b, const QueueQuery& q) {
  hidden(b, "site", q.site);
  hidden(b, "status", q.status);
  hidden(b, "text", q.text);
  hidden(b, "author", q.author);
  hidden(b, "page", q.page);
}

void text_filter(HtmlBuilder& b, std::string_view id, std::string_view label,
                 std::string_view value) {
  b.open("p", {{"class", "pa-field"}});
  b.element("label", {{"for", id}}, label);
  b.empty("input", {{"id", id}, {"name", id}, {"type", "search"}, {"value", value}});
  b.close("p");
}

void settings(HtmlBuilder& b, const QueueView& v) {
  b.element("h2", {{"id", "settings"}}, "Moderation mode");
  if (!v.may_set_mode) {
    for (const Choice& c : kModes) {
      if (c.value == v.mode) b.element("p", {}, c.label);
    }
    return;
  }
  b.open("form", {{"method", "post"},
                  {"action", "/admin/settings"},
                  {"class", "pa-settings pa-actions"},
                  {"aria-labelledby", "settings"}});
  hidden(b, "csrf", v.who.csrf);
  filter_fields(b, v.query);
  b.open("p", {{"class", "pa-field"}});
  b.element("label", {{"for", "mode"}}, "Hold comments for moderation");
  b.open("select", {{"id", "mode"}, {"name", "mode"}});
  for (const Choice& c : kModes) {
    b.open("option", {{"value", c.value}});
    if (c.value == v.mode) b.flag("selected");
    b.text(c.label).close("option");
  }
  b.close("select").close("p");
  b.element("button", {{"type", "submit"}}, "Save mode");
  b.close("form");
}

void filters(HtmlBuilder& b, const QueueView& v) {
  b.element("h2", {{"id", "search"}}, "Comments");
  b.open("form", {{"method", "get"},
                  {"action", "/admin/queue"},
                  {"class", "pa-filters"},
                  {"role", "search"},
                  {"aria-labelledby", "search"}});
  hidden(b, "site", v.site);
  b.open("p", {{"class", "pa-field"}});
  b.element("label", {{"for", "status"}}, "Status");
  b.open("select", {{"id", "status"}, {"name", "status"}});
  b.open("option", {{"value", ""}});
  if (v.query.status.empty()) b.flag("selected");
  b.text("any").close("option");
  for (const std::string_view s : kQueueStatuses) {
    b.open("option", {{"value", s}});
    if (s == v.query.status) b.flag("selected");
    b.text(s).close("option");
  }
  b.close("select").close("p");
  text_filter(b, "text", "Text", v.query.text);
  text_filter(b, "author", "Author or email", v.query.author);
  text_filter(b, "page", "Page", v.query.page);
  b.element("button", {{"type", "submit"}}, "Search");
  b.close("form");
}

// A button of the queue form acting on one comment ("approve:12").
void one(HtmlBuilder& b, std::string_view action, std::int64_t id, std::string_view label,
         std::string_view css = "pa-secondary") {
  b.element("button",
            {{"type", "submit"},
             {"name", "one"},
             {"value", std::string(action) + ":" + std::to_string(id)},
             {"class", css}},
            label);
}

void item(HtmlBuilder& b, const QueueView& v, const QueueItem& q) {
  const Comment& c = q.comment;
  const std::string id = std::to_string(c.id);
  const std::string box = "pick-" + id;
  b.open("li", {{"class", "pa-comment"}, {"id", "comment-" + id}});
  b.open("p", {{"class", "pa-pick"}});
  b.empty("input", {{"type", "checkbox"}, {"id", box}, {"name", "id"}, {"value", id}});
  b.element("label", {{"for", box}}, "Select the comment by " + c.author);
  b.close("p");
  b.open("p", {{"class", "pa-meta"}});
  b.element("strong", {}, c.author);
  if (!q.email.empty()) b.text(" <" + q.email + ">");
  b.text(" on ").element("code", {}, c.page).text(" · ");
  b.element("time", {{"datetime", iso8601_utc(c.created)}}, long_date_utc(c.created));
  b.text(" · ").element("span", {{"class", "pa-status"}}, q.status);
  if (c.pinned) b.text(" · pinned");
  b.close("p");
  // Why it was held or marked as spam (a spam layer's or the moderation mode's reason).
  if (!q.reason.empty() && (q.status == "pending" || q.status == "spam")) {
    b.element("p", {{"class", "pa-meta pa-reason"}}, "Held: " + q.reason);
  }
  b.open("div", {{"class", "pa-body"}}).html(SafeHtml::from_stored_render(c.html)).close("div");
  b.open("p", {{"class", "pa-actions"}});
  if (q.status != "approved") one(b, "approve", c.id, "Approve", "");
  if (q.status == "pending") one(b, "reject", c.id, "Reject");
  if (q.status != "spam") one(b, "spam", c.id, "Mark as spam");
  if (q.status != "deleted") one(b, "delete", c.id, "Delete", "pa-danger");
  if (q.status == "approved") one(b, c.pinned ? "unpin" : "pin", c.id, c.pinned ? "Unpin" : "Pin");
  b.element("a", {{"href", "/admin/comment?id=" + id + "&" + queue_query_string(v.query)}}, "Edit");
  if (!q.keys.identity.empty()) one(b, "ban-identity", c.id, "Ban this login");
  if (!q.keys.email_hash.empty()) one(b, "ban-email", c.id, "Ban this email");
  if (!q.keys.ip_hash.empty()) one(b, "ban-ip", c.id, "Ban this address");
  const bool closed =
      std::find(v.closed_pages.begin(), v.closed_pages.end(), c.page) != v.closed_pages.end();
  one(b, closed ? "open" : "close", c.id, closed ? "Reopen the thread" : "Close the thread");
  if (v.may_announce && q.status == "approved") {
    one(b, "announce", c.id, "Announce to subscribers");
  }
  b.close("p");
  b.close("li");
}

void bans(HtmlBuilder& b, const QueueView& v) {
  b.element("h2", {}, "Banned authors");
  if (v.bans.empty()) {
    b.element("p", {}, "Nobody is banned from this site.");
    return;
  }
  b.open("form", {{"method", "post"}, {"action", "/admin/unban"}});
  hidden(b, "csrf", v.who.csrf);
  filter_fields(b, v.query);
  b.open("ul", {{"class", "pa-bans"}});
  for (const Ban& ban : v.bans) {
    b.open("li");
    b.text(ban.kind + " ").element("code", {}, ban.value).text(" ");
    b.element("button",
              {{"type", "submit"},
               {"name", "ban"},
               {"value", ban.kind + ":" + ban.value},
               {"class", "pa-secondary"}},
              "Lift the ban");
    b.close("li");
  }
  b.close("ul").close("form");
}

}  // namespace

std::string queue_query_string(const QueueQuery& q) {
  std::string out = "site=" + share::encode_component(q.site);
  for (const auto& [name, value] :
       {std::pair<std::string_view, const std::string&>{"status", q.status},
        {"text", q.text},
        {"author", q.author},
        {"page", q.page}}) {
    if (!value.empty()) out += "&" + std::string(name) + "=" + share::encode_component(value);
  }
  return out;
}

SafeHtml queue_page(const QueueView& v) {
  HtmlBuilder b;
  if (!v.notice.empty()) b.element("p", {{"class", "pa-notice"}, {"role", "status"}}, v.notice);
  settings(b, v);
  filters(b, v);
  if (v.items.empty()) {
    b.element("p", {}, "No comments match.");
  } else {
    b.open("form", {{"method", "post"}, {"action", "/admin/queue"}, {"class", "pa-queue-form"}});
    hidden(b, "csrf", v.who.csrf);
    filter_fields(b, v.query);
    b.open("p", {{"class", "pa-bulk"}});
    // Shown by admin.js; without it each comment's box is ticked one by one.
    b.open("label", {{"hidden", "hidden"}});
    b.empty("input", {{"type", "checkbox"}, {"data-pa-select-all", ""}, {"hidden", "hidden"}});
    b.text(" Select all").close("label");
    b.element("button",
              {{"type", "submit"}, {"name", "action"}, {"value", "approve"}, {"data-pa-bulk", ""}},
              "Approve selected");
    b.element("button",
              {{"type", "submit"},
               {"name", "action"},
               {"value", "spam"},
               {"data-pa-bulk", ""},
               {"class", "pa-secondary"}},
              "Mark selected as spam");
    b.element("button",
              {{"type", "submit"},
               {"name", "action"},
               {"value", "delete"},
               {"data-pa-bulk", ""},
               {"class", "pa-danger"}},
              "Delete selected");
    b.close("p");
    b.open("ol", {{"class", "pa-queue"}});
    for (const QueueItem& q : v.items) item(b, v, q);
    b.close("ol").close("form");
  }
  bans(b, v);
  return std::move(b).finish();
}

SafeHtml edit_page(const EditView& v) {
  HtmlBuilder b;
  const Comment& c = v.item.comment;
  b.open("p", {{"class", "pa-meta"}});
  b.text("By ").element("strong", {}, c.author).text(" on ").element("code", {}, c.page);
  b.close("p");
  b.open("form", {{"method", "post"}, {"action", "/admin/comment"}});
  hidden(b, "csrf", v.who.csrf);
  hidden(b, "id", std::to_string(c.id));
  filter_fields(b, v.back);
  const bool error = !v.message.text.empty();
  b.open("p", {{"class", "pa-field pa-wide"}});
  b.element("label", {{"for", "comment-text"}}, "Comment (Markdown)");
  b.open("textarea", {{"id", "comment-text"},
                      {"name", "comment"},
                      {"rows", "8"},
                      {error ? "aria-invalid" : "", "true"},
                      {error ? "aria-describedby" : "", "comment-error"}});
  b.text(v.text).close("textarea");
  if (error) b.element("span", {{"id", "comment-error"}, {"class", "pa-error"}}, v.message.text);
  b.close("p");
  b.open("p", {{"class", "pa-actions"}});
  b.element("button", {{"type", "submit"}}, "Save");
  b.element("a", {{"href", "/admin/queue?" + queue_query_string(v.back)}}, "Cancel");
  b.close("p").close("form");
  return std::move(b).finish();
}

}  // namespace parley::server::admin
