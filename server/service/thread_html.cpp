#include "service/thread_html.hpp"

#include <algorithm>
#include <vector>

#include "core/escape.hpp"
#include "core/html.hpp"
#include "core/i18n.hpp"
#include "core/view_static.hpp"
#include "core/view_thread.hpp"
#include "spam/form_token.hpp"
#include "spam/honeypot.hpp"

namespace parley::server {
namespace {

// The plain form's address and the hidden fields that tell POST /form/comments which
// thread, language and page the reader is on (docs/seo-nojs.md, "The form"), and what
// the spam layers check (docs/spam.md): the honeypot field and the signed render time.
view::FormValues plain_form(const ThreadHtml& in, const CommentService& comments,
                            std::int64_t now) {
  const spam::SpamFilter* filter = comments.spam();
  view::FormValues form = in.form;
  form.notify_offered = comments.offers_reply_mail();  // the data script says it too
  // The early rendering shows no form (the widget's takes its place): nothing to sign.
  if (in.early) return form;
  form.action = form_action(in.base, in.site);
  form.hidden = {{"page", in.page}, {"title", in.title}};
  if (!in.lang.empty()) form.hidden.emplace_back("lang", in.lang);
  if (!in.return_path.empty() && in.return_path != in.page) {
    form.hidden.emplace_back("return", in.return_path);
  }
  if (!in.origin.empty()) form.hidden.emplace_back("origin", in.origin);
  if (filter) {
    form.hidden.emplace_back(spam::kFormTokenField, filter->form_token(in.site, now));
    form.honeypot = filter->honeypot() ? spam::kHoneypotField : "";
  }
  return form;
}

SafeHtml render(const ThreadHtml& in, const CommentService& comments,
                const std::vector<Comment>& thread, std::int64_t now) {
  view::PageLikesInput page_likes;
  if (in.page_likes) page_likes = {*in.page_likes, &in.recent_likers};
  return view::static_thread(
      {in.site, in.page, in.title, &thread, now, plain_form(in, comments, now), in.closed, in.early,
       in.hearts ? &in.likes : nullptr, in.last_event_id, in.parts, in.share ? &*in.share : nullptr,
       in.page_likes ? &page_likes : nullptr});
}

}  // namespace

std::string form_action(std::string_view base, std::string_view site) {
  return std::string(base) + "/form/comments?site=" + query_encode(site);
}

std::string thread_fragment(CommentService& comments, ThreadHtml in, std::int64_t now) {
  const i18n::Catalog catalog = i18n::Catalog::for_language(in.lang);
  const i18n::Use language(catalog);
  return render(in, comments, comments.thread(in.site, in.page), now).str();
}

std::string thread_document(CommentService& comments, ThreadHtml in, std::string_view stylesheet,
                            std::int64_t now) {
  const i18n::Catalog catalog = i18n::Catalog::for_language(in.lang);
  const i18n::Use language(catalog);
  const std::vector<Comment> thread = comments.thread(in.site, in.page);
  HtmlBuilder b;
  b.open("html", {{"lang", catalog.lang()}, {"dir", catalog.dir()}});
  b.open("head");
  b.empty("meta", {{"charset", "utf-8"}});
  b.empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  // The thread belongs to the site's page, where export-html or an include puts it for
  // search engines; this copy is for readers only.
  b.empty("meta", {{"name", "robots"}, {"content", "noindex"}});
  // Deleted comments' placeholders are not responses (as core's Thread::responses()).
  const auto responses = static_cast<std::size_t>(
      std::count_if(thread.begin(), thread.end(), [](const Comment& c) { return !c.deleted; }));
  b.element("title", {}, view::responses_heading(responses, in.title));
  // No icon of its own: without this, browsers ask for /favicon.ico and get a 404.
  b.empty("link", {{"rel", "icon"}, {"href", "data:,"}});
  if (!stylesheet.empty()) b.empty("link", {{"rel", "stylesheet"}, {"href", stylesheet}});
  b.close("head");
  b.open("body", {{"class", "parley-page"}});
  b.open("main");
  b.html(render(in, comments, thread, now));
  b.close("main");
  b.close("body");
  b.close("html");
  return "<!doctype html>\n" + std::move(b).finish().release();
}

}  // namespace parley::server
