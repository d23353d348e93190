// Views as a reader (and a screen reader) meets them: wording, escaping of everything
// a commenter or site owner typed, and the structure the widget patches by key.
#include <doctest/doctest.h>

#include <string>

#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "core/limits.hpp"
#include "core/thread.hpp"
#include "core/validate.hpp"
#include "core/view_comment.hpp"
#include "core/view_form.hpp"
#include "core/view_section.hpp"
#include "core/view_static.hpp"
#include "core/view_thread.hpp"

using parley::Comment;

namespace {

constexpr std::int64_t kNow = 1764477923;  // 2025-11-30T04:45:23Z
constexpr std::int64_t kHour = 3600;

Comment comment(std::int64_t id, std::int64_t parent, std::string author,
                std::string website = "") {
  Comment c;
  c.id = id;
  c.parent = parent;
  c.author = std::move(author);
  c.website = std::move(website);
  c.html = "<p>Body of " + std::to_string(id) + "</p>";
  c.created = kNow - 4 * kHour + id;
  return c;
}

std::string render(const Comment& c, int depth = 0) {
  return parley::view::comment_item(c, depth, kNow).str();
}

bool has(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

std::size_t count(const std::string& haystack, std::string_view needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("the heading reads like WordPress: none, One Response, N Responses") {
  using parley::view::responses_heading;
  CHECK(responses_heading(0, "Raids") == "No Responses yet");
  CHECK(responses_heading(1, "Raids") == "One Response to \u201CRaids\u201D");
  CHECK(responses_heading(2, "Raids") == "2 Responses to \u201CRaids\u201D");
  CHECK(responses_heading(1234, "") == "1234 Responses");
}

TEST_CASE("a comment shows author, avatar, dates, body and a Reply button") {
  const std::string html = render(comment(7, 0, "ana", "https://ana.example/blog"));
  CHECK(
      has(html,
          R"(<article class="parley-comment" id="parley-comment-7" data-parley-key="article-7">)"));
  CHECK(has(html, R"(<a class="parley-author-link" href="https://ana.example/blog" )"
                  R"(rel="nofollow ugc noopener noreferrer">ana</a>)"));
  CHECK(has(html, R"(aria-hidden="true">A</span>)"));  // upper-cased initial
  CHECK(has(html, "<time class=\"parley-date\" datetime=\"" +
                      parley::iso8601_utc(kNow - 4 * kHour + 7) + "\" title=\"" +
                      parley::long_date_utc(kNow - 4 * kHour + 7) +
                      "\" data-parley-key=\"date-7\">3 hours ago</time>"));
  CHECK(has(html, R"(<div class="parley-body" data-parley-key="body-7"><p>Body of 7</p></div>)"));
  CHECK(has(
      html,
      R"(data-parley-action="reply" data-parley-id="7" aria-label="Reply to ana">Reply</button>)"));
  CHECK(has(html, R"(data-parley-key="reply-slot-7")"));
  CHECK(has(html, R"(<ol class="parley-children" data-parley-key="children-7"></ol>)"));
}

TEST_CASE("hostile author and website are shown as text, never as markup or script URLs") {
  const std::string html =
      render(comment(1, 0, "<script>alert(1)</script>\"'&", "javascript:alert(1)"));
  CHECK_FALSE(has(html, "<script"));
  CHECK(has(html, "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"));
  CHECK_FALSE(has(html, "javascript:"));
  CHECK_FALSE(has(html, "parley-author-link"));  // not a link at all

  // A legitimate URL with query punctuation stays a link, escaped for the attribute.
  const std::string linked = render(comment(2, 0, "Bo", "https://bo.example/?a=1&b=2"));
  CHECK(has(linked, R"(href="https://bo.example/?a=1&amp;b=2")"));
}

TEST_CASE("a deleted comment with replies is a placeholder without author, body or Reply") {
  Comment c = comment(9, 0, "", "");
  c.html.clear();
  c.deleted = true;
  const std::string html = render(c);
  CHECK(has(html, "<p class=\"parley-deleted-note\">This comment was deleted</p>"));
  CHECK(has(html, "parley-children"));
  CHECK_FALSE(has(html, "parley-reply"));
  CHECK_FALSE(has(html, "parley-author"));
}

TEST_CASE("an author without a name still gets an avatar, and colours are stable") {
  CHECK(parley::view::avatar_initial("") == "?");
  CHECK(parley::view::avatar_initial("\xC3\xA9lodie") == "\xC3\xA9");  // é kept whole
  CHECK(parley::view::avatar_hue("Ana") == parley::view::avatar_hue("Ana"));
  CHECK(parley::view::avatar_hue("Ana") < parley::view::kAvatarHues);
}

TEST_CASE("replies nest inside their parent's children list, with depth classes") {
  const auto t = parley::build_thread(
      {comment(1, 0, "Ana"), comment(2, 1, "Bo"), comment(3, 0, "Cy"), comment(4, 2, "Di")});
  const std::string html = parley::view::thread_items(t, kNow).str();
  // Bo's item sits inside Ana's children list, Di's inside Bo's; Cy is top level again.
  const auto ana_children = html.find(R"(data-parley-key="children-1">)");
  const auto bo = html.find(R"(id="parley-comment-2")");
  const auto bo_children = html.find(R"(data-parley-key="children-2">)");
  const auto di = html.find(R"(id="parley-comment-4")");
  const auto cy = html.find(R"(id="parley-comment-3")");
  REQUIRE(ana_children != std::string::npos);
  CHECK(ana_children < bo);
  CHECK(bo_children < di);
  CHECK(html.find("</ol></article></li></ol></article></li></ol></article></li>", di) < cy);
  CHECK(count(html, "parley-depth-0") == 2);
  CHECK(count(html, "parley-depth-1") == 1);
  CHECK(count(html, "parley-depth-2") == 1);
  CHECK(count(html, "<li") == count(html, "</li>"));
  CHECK(count(html, "<ol") == count(html, "</ol>"));
}

TEST_CASE("visual depth is capped at the limit however deep a chain goes") {
  std::vector<Comment> chain;
  const int length = parley::limits::kMaxDepth + 4;
  for (int i = 1; i <= length; ++i) chain.push_back(comment(i, i - 1, "A"));
  const std::string html = parley::view::thread_items(parley::build_thread(chain), kNow).str();
  CHECK(count(html, "parley-depth-" + std::to_string(parley::limits::kMaxDepth)) ==
        static_cast<std::size_t>(length - parley::limits::kMaxDepth));
  CHECK_FALSE(has(html, "parley-depth-" + std::to_string(parley::limits::kMaxDepth + 1)));
  CHECK(count(html, "<article") == static_cast<std::size_t>(length));
}

TEST_CASE("the honeypot field is rendered only when asked for, out of everyone's way") {
  CHECK_FALSE(has(parley::view::respond_section({}).str(), "parley-hp"));
  parley::view::FormValues values;
  values.honeypot = parley::view::kHoneypotField;
  const std::string html = parley::view::respond_section(values).str();
  CHECK(has(html,
            R"(<p class="parley-hp" aria-hidden="true"><label for="parley-field-fax">Leave this )"
            R"(field empty</label><input id="parley-field-fax" name="fax" data-parley-field="fax" )"
            R"(type="text" tabindex="-1" autocomplete="off"></p>)"));
}

TEST_CASE(
    "the follow-up mail checkbox: hidden until offered, left out of a plain form that cannot") {
  // The widget renders it hidden and shows it when the thread says the server mails.
  const std::string widget = parley::view::respond_section({}).str();
  CHECK(has(widget,
            R"(<p class="parley-field parley-field-notify_replies" data-parley-key="notify" )"
            R"(hidden=""><input class="parley-checkbox" id="parley-field-notify_replies" )"
            R"(name="notify_replies" type="checkbox" value="yes" )"
            R"(data-parley-field="notify_replies" data-parley-key="field-notify_replies" )"
            R"(aria-describedby="parley-error-notify_replies"> <label class="parley-label )"
            R"(parley-label-inline" for="parley-field-notify_replies">Notify me of follow-up )"
            R"(comments by email.</label>)"));
  parley::view::FormValues plain;
  plain.action = "/form/comments?site=blog";
  CHECK_FALSE(has(parley::view::respond_section(plain).str(), "notify_replies"));
  plain.notify_offered = true;
  plain.notify_replies = true;
  const std::string offered = parley::view::respond_section(plain).str();
  CHECK(has(
      offered,
      R"(<p class="parley-field parley-field-notify_replies" data-parley-key="notify"><input)"));
  CHECK(has(offered, R"(aria-describedby="parley-error-notify_replies" checked="">)"));
  CHECK(
      has(widget,
          R"(<p class="parley-field parley-field-notify_posts" data-parley-key="notify-posts" )"
          R"(hidden=""><input class="parley-checkbox" id="parley-field-notify_posts" )"
          R"(name="notify_posts" type="checkbox" value="yes" data-parley-field="notify_posts" )"));
  CHECK(has(widget, R"(for="parley-field-notify_posts">Notify me of new posts by email.</label>)"));
  CHECK(has(offered, R"(data-parley-key="notify-posts"><input)"));
  CHECK_FALSE(has(offered, R"(aria-describedby="parley-error-notify_posts" checked="">)"));
  // Among the guest fields, which a logged-in reader does not see.
  CHECK(offered.find("notify_posts") < offered.find("parley-submit-row"));
  CHECK(offered.find(R"(data-parley-key="guest")") < offered.find("notify_replies"));
}

TEST_CASE("the form has every field labelled, keyed, described and autocompleted") {
  const std::string html = parley::view::respond_section({}).str();
  CHECK(has(html, R"(data-parley-key="form-title">Leave a Reply</h3>)"));
  CHECK(has(
      html,
      R"(<form class="parley-form" aria-labelledby="parley-reply-title" novalidate="" data-parley-key="form-body">)"));
  CHECK(has(html, "Your email address will not be published."));
  CHECK(has(html, "Required fields are marked"));
  for (const char* field : {"text", "author", "email", "website", "save"}) {
    CAPTURE(field);
    const std::string name(field);
    CHECK(has(html, "<label class=\"parley-label"));
    CHECK(has(html, "for=\"parley-field-" + name + "\""));
    CHECK(has(html, "id=\"parley-field-" + name + "\""));
    CHECK(has(html, "data-parley-field=\"" + name + "\" data-parley-key=\"field-" + name + "\""));
    CHECK(has(html, "id=\"parley-error-" + name + "\" data-parley-key=\"error-" + name +
                        "\" aria-live=\"polite\""));
    CHECK(has(html, "parley-error-" + name + "\""));  // described by its error
  }
  CHECK(has(html, R"(autocomplete="name")"));
  CHECK(has(html, R"(type="email" value="" autocomplete="email")"));
  CHECK(has(html, R"(type="url" value="" autocomplete="url")"));
  CHECK(has(html, "(never made public)"));
  CHECK(has(html, R"(aria-describedby="parley-email-notes parley-error-email")"));
  CHECK(has(html, "Save my name, email, and website in this browser for the next time I comment."));
  CHECK(has(html, R"(data-parley-action="write")"));
  CHECK(has(html, R"(data-parley-action="preview")"));
  CHECK(has(html, R"(data-parley-key="preview" aria-label="Preview" hidden="")"));
  CHECK(has(
      html,
      R"(<button type="submit" class="parley-submit" data-parley-key="submit">Post Comment</button>)"));
  CHECK(has(html, R"(data-parley-key="status" role="status" aria-live="polite")"));
  CHECK_FALSE(has(html, "checked"));
}

TEST_CASE("the name and email markers follow the guest mode; the comment's always shows") {
  parley::view::FormValues values;
  std::string html = parley::view::respond_section(values).str();
  for (const char* field : {"author", "email"}) {
    CAPTURE(field);
    const std::string mark = std::string(R"(data-parley-key="required-)") + field + "\"";
    CHECK(has(html, mark + ">*</span>"));
    CHECK(has(html, std::string(R"(data-parley-key="field-)") + field + R"(" aria-describedby=")"));
  }
  CHECK(count(html, R"(required="")") == 3);  // text, author, email
  values.name_email_required = false;
  html = parley::view::respond_section(values).str();
  CHECK(has(html, R"(data-parley-key="required-author" hidden="">*</span>)"));
  CHECK(has(html, R"(data-parley-key="required-email" hidden="">*</span>)"));
  CHECK(count(html, R"(required="")") == 1);  // the comment text only
  CHECK(has(html, R"(name="comment" rows="8" autocomplete="off")"));
}

TEST_CASE("a guest without a name is shown as the localized Anonymous") {
  parley::Comment c = comment(7, 0, "");
  std::string html = parley::view::comment_item(c, 0, kNow).str();
  CHECK(has(html, R"(<span class="parley-author">Anonymous</span>)"));
  CHECK(has(html, R"(aria-label="Reply to Anonymous")"));
  CHECK(has(html, R"(aria-hidden="true">A</span>)"));  // its initial
  const parley::i18n::Catalog german = parley::i18n::Catalog::for_language("de");
  const parley::i18n::Use use(german);
  html = parley::view::comment_item(c, 0, kNow).str();
  CHECK(has(html, R"(<span class="parley-author">Anonym</span>)"));
  CHECK(parley::view::shown_author("Ana") == "Ana");
}

TEST_CASE("saved details fill the form, escaped, with the save box checked") {
  const std::string html =
      parley::view::respond_section({"Ana \"<b>\"", "ana@example.org", "https://a.example", true})
          .str();
  CHECK(has(html, R"(value="Ana &quot;&lt;b&gt;&quot;")"));
  CHECK(has(html, R"(value="ana@example.org")"));
  CHECK(has(html, R"(type="checkbox" value="yes")"));
  CHECK(has(html, R"(checked="")"));
}

TEST_CASE("the reply title names the author, escaped, with a Cancel button") {
  const std::string html = parley::view::form_title_reply("<i>Ana</i>").str();
  CHECK(
      html ==
      R"(Reply to <span class="parley-reply-to">&lt;i&gt;Ana&lt;/i&gt;</span> )"
      R"(<button type="button" class="parley-cancel" data-parley-action="cancel">Cancel reply</button>)");
}

TEST_CASE("the section: heading with a hostile title, thread, form at home") {
  const auto t = parley::build_thread({comment(1, 0, "Ana")});
  parley::view::SectionInput in;
  in.title = "</h2><script>x</script>";
  in.thread = &t;
  in.now = kNow;
  const std::string html = parley::view::comments_section(in).str();
  CHECK(has(html, "One Response to \u201C&lt;/h2&gt;&lt;script&gt;x&lt;/script&gt;\u201D</h2>"));
  CHECK_FALSE(has(html, "<script"));
  CHECK(html.find(R"(data-parley-key="thread")") < html.find(R"(data-parley-key="form-home")"));
  CHECK(html.find(R"(data-parley-key="form-home")") < html.find(R"(data-parley-key="form")"));

  in.thread = nullptr;  // while loading
  const std::string loading = parley::view::comments_section(in).str();
  CHECK(has(loading, "Loading comments\u2026"));
  CHECK(has(loading, R"(data-parley-key="count">Comments</h2>)"));
}

TEST_CASE("a second section on a page prefixes every id it renders") {
  parley::view::SectionInput in;
  in.form.id_prefix = "parley-2-";
  const std::string html = parley::view::comments_section(in).str();
  CHECK(has(html, R"(id="parley-2-comments")"));
  CHECK(has(html, R"(for="parley-2-field-text")"));
  CHECK(has(html, R"(aria-describedby="parley-2-email-notes parley-2-error-email")"));
  CHECK(has(html, R"(aria-labelledby="parley-2-reply-title")"));
  CHECK_FALSE(has(html, "id=\"parley-field"));
}

TEST_CASE("a verified comment shows the provider's avatar and an accessible badge") {
  Comment c = comment(7, 0, "Ada");
  c.provider = "github";
  c.provider_name = "GitHub";
  c.avatar = "https://avatars.example/ada.png?s=40&v=4";
  const std::string html = render(c);
  CHECK(has(html,
            "<img class=\"parley-avatar parley-avatar-picture\" "
            "src=\"https://avatars.example/ada.png?s=40&amp;v=4\" alt=\"\""));
  CHECK(has(html, "loading=\"lazy\" referrerpolicy=\"no-referrer\""));
  CHECK(has(html, "role=\"img\" aria-label=\"Verified GitHub account\""));
  CHECK_FALSE(has(html, "aria-hidden=\"true\">A</span>"));  // no initial beside the picture
  CHECK_FALSE(has(render(comment(8, 0, "Bo")), "parley-verified"));  // guests have no badge
}

TEST_CASE("an avatar URL that is not https (or loopback http) falls back to the initial") {
  for (const char* url :
       {"javascript:alert(1)", "http://tracker.example/a.png", "data:image/svg+xml,<svg/>",
        "https://x.example/\"onerror=\"a", "//x.example/a.png", ""}) {
    Comment c = comment(9, 0, "Ada");
    c.provider = "github";
    c.provider_name = "GitHub";
    c.avatar = url;
    const std::string html = render(c);
    CHECK_MESSAGE(!has(html, "<img"), url);
    CHECK(has(html, "aria-hidden=\"true\">A</span>"));
  }
  CHECK(parley::is_safe_avatar_url("http://127.0.0.1:8082/avatars/ada.svg"));
  CHECK(parley::is_safe_avatar_url("http://localhost/a.png"));
  CHECK_FALSE(parley::is_safe_avatar_url("http://127.0.0.1.evil.example/a.png"));
  CHECK_FALSE(parley::is_safe_avatar_url("http://user@127.0.0.1/a.png"));
}

TEST_CASE("the early fragment: no form, hearts when asked, a long thread in slices") {
  namespace view = parley::view;
  // 350 top-level comments: slices of 100, 200 and the last 50.
  std::vector<Comment> flat;
  for (std::int64_t id = 1; id <= 350; ++id) flat.push_back(comment(id, 0, "Ana"));
  flat[69].author = "<!--parley-slice-->";  // user text never makes a marker
  const view::CommentLikeMap likes{{2, {3, false}}};
  view::StaticThreadInput in;
  in.site = "demo";
  in.page = "/p/";
  in.title = "<!--parley-slice-->";
  in.comments = &flat;
  in.now = kNow;
  in.form.action = "/form/comments?site=demo";
  const std::string fragment = view::static_thread(in).str();
  CHECK(count(fragment, view::kSliceMarker) == 0);
  CHECK(has(fragment, "<form"));
  CHECK_FALSE(has(fragment, "parley-comment-like"));

  in.early = true;
  in.likes = &likes;
  const std::string html = view::static_thread(in).str();
  REQUIRE(count(html, view::kSliceMarker) == 2);
  const std::size_t first = html.find(view::kSliceMarker);
  const std::size_t second = html.find(view::kSliceMarker, first + 1);
  const std::string part0 = html.substr(0, first);
  const std::string part1 =
      html.substr(first + view::kSliceMarker.size(), second - first - view::kSliceMarker.size());
  const std::string part2 = html.substr(second + view::kSliceMarker.size());
  CHECK_FALSE(has(html, "<form"));
  CHECK(
      has(part0, R"(<div class="parley-form-home" data-parley-key="form-home"></div></section>)"));
  CHECK(has(part0, R"("hearts":true)"));
  CHECK(count(part0, "<article") == 100);
  CHECK(count(part1, "<article") == 200);
  CHECK(count(part2, "<article") == 50);
  CHECK(
      part1.rfind(
          R"(<li class="parley-item parley-depth-0"><article class="parley-comment" id="parley-comment-101")",
          0) == 0);
  CHECK(part2.substr(part2.size() - 5) == "</li>");
  CHECK(count(html, R"(class="parley-comment-like")") == 350);
  CHECK(has(part0, R"(data-parley-key="like-count-2">3</span>)"));
  CHECK(has(part0, "&lt;!--parley-slice--&gt;"));

  in.likes = nullptr;
  CHECK_FALSE(has(view::static_thread(in).str(), "parley-comment-like"));

  // The data names the ids' prefix when it is not the first mount's, for the widget to check.
  CHECK_FALSE(has(html, R"("id_prefix")"));
  in.form.id_prefix = "parley-2-";
  const std::string second_mount = view::static_thread(in).str();
  CHECK(has(second_mount, R"(id="parley-2-comments")"));
  CHECK(has(second_mount, R"("id_prefix":"parley-2-")"));
}

TEST_CASE("a rendering with the mount's parts holds them in its order, and names them") {
  namespace view = parley::view;
  using parley::Part;
  const std::vector<Comment> flat{comment(1, 0, "Ana")};
  const std::vector<view::RecentLiker> recent{{"0123abcd", ""}, {"4567ef", ""}};
  view::ShareBarInput bar;
  bar.targets = parley::share::parse_targets("bluesky,copy");
  const view::PageLikesInput likes{{2, false}, &recent, false};
  view::StaticThreadInput in;
  in.comments = &flat;
  in.now = kNow;
  in.early = true;
  in.share = &bar;
  in.page_likes = &likes;
  const auto at = [](const std::string& html, std::string_view what) { return html.find(what); };
  constexpr std::string_view kBar = R"(<section class="parley-spread )";
  constexpr std::string_view kBlock = R"(<div class="parley-likes" data-parley-key="likes")";
  constexpr std::string_view kSection = R"(<section class="parley-comments")";
  constexpr std::string_view kData = R"(<script type="application/json" class="parley-data">)";

  in.parts = {Part::Share, Part::Likes, Part::Comments};
  const std::string all = view::static_thread(in).str();
  CHECK(at(all, kBar) == 0);
  CHECK(at(all, kBar) < at(all, kBlock));
  CHECK(at(all, kBlock) < at(all, kSection));
  CHECK(at(all, kSection) < at(all, kData));
  CHECK(has(all, R"(data-parley-key="spread")"));
  CHECK(has(all, R"(data-parley-key="like-count-0">2 bloggers like this</p>)"));
  CHECK(count(all, R"(<li class="parley-liker">)") == 2);
  CHECK(has(all, R"("parts":"share,likes,comments")"));

  in.parts = {Part::Comments, Part::Share};
  const std::string below = view::static_thread(in).str();
  CHECK(at(below, kSection) == 0);
  CHECK(at(below, kSection) < at(below, kBar));
  CHECK(at(below, kBar) < at(below, kData));
  CHECK_FALSE(has(below, kBlock));
  CHECK(has(below, R"("parts":"comments,share")"));

  // A part without its input is not rendered; the section always is, last if unlisted.
  in.parts = {Part::Likes, Part::Share};
  in.share = nullptr;
  const std::string block_only = view::static_thread(in).str();
  CHECK(at(block_only, kBlock) == 0);
  CHECK(at(block_only, kBlock) < at(block_only, kSection));
  CHECK_FALSE(has(block_only, kBar));
  CHECK(has(block_only, R"("parts":"likes,comments")"));

  in.parts = {Part::Comments};
  const std::string comments = view::static_thread(in).str();
  CHECK(at(comments, kSection) == 0);
  CHECK(has(comments, R"("parts":"comments")"));

  // No parts given (an include that names none): the section alone, and no "parts", so
  // the widget adopts the comments and adds the mount's other parts itself.
  in.share = &bar;
  in.parts.clear();
  const std::string section = view::static_thread(in).str();
  CHECK(at(section, kSection) == 0);
  CHECK_FALSE(has(section, "parley-spread"));
  CHECK_FALSE(has(section, R"("parts")"));

  // Not early but with parts (an include that names them): the same parts, in order,
  // and the plain form, which the early fragment leaves out.
  in.early = false;
  in.form.action = "/form/comments?site=demo";
  in.parts = {Part::Share, Part::Likes, Part::Comments};
  const std::string fragment = view::static_thread(in).str();
  CHECK(at(fragment, kBar) == 0);
  CHECK(at(fragment, kBlock) < at(fragment, kSection));
  CHECK(has(fragment, R"("parts":"share,likes,comments")"));
  CHECK(has(fragment, "<form "));
  CHECK_FALSE(has(all, "<form "));
}

TEST_CASE("a closed thread's early fragment keeps the notice in the form home") {
  const std::vector<Comment> flat{comment(1, 0, "Ana")};
  parley::view::StaticThreadInput in;
  in.comments = &flat;
  in.now = kNow;
  in.closed = true;
  in.early = true;
  const std::string html = parley::view::static_thread(in).str();
  CHECK(has(
      html,
      R"(data-parley-key="form-home"><p class="parley-closed">Comments are closed.</p></div>)"));
  CHECK(has(html, R"("closed":true)"));
}
