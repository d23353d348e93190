#include "view_comment.hpp"

#include "dates.hpp"
#include "i18n.hpp"
#include "utf8.hpp"
#include "validate.hpp"
#include "view_keys.hpp"
#include "view_own.hpp"

namespace parley::view {

namespace {

std::string depth_class(int depth) {
  return "parley-item parley-depth-" + std::to_string(depth);
}

void author_line(HtmlBuilder& b, const Comment& c, const std::string& name) {
  b.open("span", {{"class", "parley-author"}});
  // The store only keeps http(s) URLs, but the widget reads them off the network:
  // re-checking here keeps a javascript: URL out of an href whatever the server did.
  if (!c.website.empty() && is_valid_website(c.website)) {
    b.element("a", {{"class", "parley-author-link"}, {"href", c.website}, {"rel", kUserLinkRel}},
              name);
  } else {
    b.text(name);
  }
  b.close("span");
  if (c.verified()) {
    const std::string label = i18n::active().text(
        "login.verified", {{"provider", c.provider_name.empty() ? c.provider : c.provider_name}});
    b.element(
        "span",
        {{"class", "parley-verified"}, {"role", "img"}, {"aria-label", label}, {"title", label}},
        "\u2713");
  }
  b.element("span", {{"class", "parley-says"}}, " " + i18n::active().text("comment.says"));
}

// A verified author's own picture when its URL is safe to load; otherwise (and for
// guests) the coloured initial, which needs no network.
void avatar(HtmlBuilder& b, const Comment& c, const std::string& name) {
  if (c.verified() && is_safe_avatar_url(c.avatar)) {
    b.empty("img", {{"class", "parley-avatar parley-avatar-picture"},
                    {"src", c.avatar},
                    {"alt", ""},
                    {"width", "40"},
                    {"height", "40"},
                    {"loading", "lazy"},
                    {"referrerpolicy", "no-referrer"}});
    return;
  }
  const std::string hue = "parley-avatar parley-avatar-" + std::to_string(avatar_hue(name));
  b.element("span", {{"class", hue}, {"aria-hidden", "true"}}, avatar_initial(name));
}

void meta(HtmlBuilder& b, const Comment& c, const std::string& name, std::int64_t now) {
  const std::string anchor = "#" + keys::comment_id(c.id);
  b.open("header", {{"class", "parley-comment-meta"}});
  avatar(b, c, name);
  author_line(b, c, name);
  b.open("a", {{"class", "parley-permalink"}, {"href", anchor}});
  b.element("time",
            {{"class", "parley-date"},
             {"datetime", iso8601_utc(c.created)},
             {"title", long_date_utc(c.created)},
             {"data-parley-key", keys::date(c.id)}},
            relative_time(now, c.created));
  b.close("a");
  b.close("header");
}

}  // namespace

void open_comment(HtmlBuilder& b, const Comment& c, int depth, std::int64_t now,
                  const CommentLikeMap* likes) {
  const std::string id = std::to_string(c.id);
  const std::string name = shown_author(c.author);
  b.open("li", {{"class", c.pinned ? depth_class(depth) + " parley-pinned" : depth_class(depth)}});
  if (c.deleted) {
    // Keeps the replies in their place; nothing of the comment itself is left to show.
    b.open("article", {{"class", "parley-comment parley-deleted"}, {"id", keys::comment_id(c.id)}});
    b.html(deleted_note());
    b.open("ol", {{"class", "parley-children"}, {"data-parley-key", keys::children(c.id)}});
    return;
  }
  b.open("article", {{"class", "parley-comment"},
                     {"id", keys::comment_id(c.id)},
                     {"data-parley-key", keys::article(c.id)}});
  meta(b, c, name, now);
  b.open("div", {{"class", "parley-body"}, {"data-parley-key", keys::body(c.id)}});
  b.html(SafeHtml::from_stored_render(c.html));
  b.close("div");
  b.open("footer", {{"class", "parley-comment-actions"}});
  b.element("button",
            {{"type", "button"},
             {"class", "parley-reply"},
             {"data-parley-action", "reply"},
             {"data-parley-id", id},
             {"aria-label", i18n::active().text("comment.reply_label", {{"author", name}})}},
            i18n::active().text("comment.reply"));
  if (likes) {
    const auto it = likes->find(c.id);
    b.html(comment_like(c.id, c.author, it == likes->end() ? LikeCount{} : it->second));
  }
  // Edit and Delete, when the widget knows this reader wrote it (view_own.hpp).
  b.element("span", {{"class", "parley-own"}, {"data-parley-key", keys::own(c.id)}}, "");
  b.close("footer");
  b.open("div", {{"class", "parley-reply-slot"}, {"data-parley-key", keys::reply_slot(c.id)}});
  b.close("div");
  b.open("ol", {{"class", "parley-children"}, {"data-parley-key", keys::children(c.id)}});
}

void close_comment(HtmlBuilder& b) {
  b.close("ol");
  b.close("article");
  b.close("li");
}

SafeHtml comment_item(const Comment& c, int depth, std::int64_t now, const CommentLikeMap* likes) {
  HtmlBuilder b;
  open_comment(b, c, depth, now, likes);
  close_comment(b);
  return std::move(b).finish();
}

std::string shown_author(std::string_view author) {
  return author.empty() ? i18n::active().text("comment.anonymous") : std::string(author);
}

std::string avatar_initial(std::string_view author) {
  if (author.empty()) return "?";
  std::size_t i = 0;
  const char32_t first = utf8::decode(author, i);
  std::string out;
  utf8::append(out, first >= U'a' && first <= U'z' ? first - (U'a' - U'A') : first);
  return out;
}

unsigned avatar_hue(std::string_view author) {
  // FNV-1a: tiny, stable across builds and platforms, spreads short names well.
  std::uint32_t h = 2166136261u;
  for (const char ch : author) {
    h ^= static_cast<unsigned char>(ch);
    h *= 16777619u;
  }
  return h % kAvatarHues;
}

}  // namespace parley::view
