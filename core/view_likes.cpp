#include "view_likes.hpp"

#include "html.hpp"
#include "i18n.hpp"
#include "validate.hpp"
#include "view_keys.hpp"

namespace parley::view {

namespace {

// Generated avatars: a 5x5 grid mirrored around its middle column, so 15 cells decide
// the pattern (as GitHub's identicons).
constexpr int kGrid = 5;
constexpr int kHalf = 3;
// Width and height in CSS pixels; the stylesheet may resize them.
constexpr std::string_view kAvatarPx = "32";
// A seed is at most 64 bits of hex; anything else (longer, other characters) is hashed.
constexpr std::size_t kMaxHexSeed = 16;

bool hex_digit(char c, std::uint64_t& v) {
  if (c >= '0' && c <= '9')
    v = static_cast<std::uint64_t>(c - '0');
  else if (c >= 'a' && c <= 'f')
    v = static_cast<std::uint64_t>(c - 'a' + 10);
  else if (c >= 'A' && c <= 'F')
    v = static_cast<std::uint64_t>(c - 'A' + 10);
  else
    return false;
  return true;
}

// The seed as a number: its hex value, or an FNV-1a hash of its bytes.
std::uint64_t seed_value(std::string_view seed) {
  std::uint64_t v = 0;
  bool hex = !seed.empty() && seed.size() <= kMaxHexSeed;
  for (std::size_t i = 0; hex && i < seed.size(); ++i) {
    std::uint64_t d = 0;
    hex = hex_digit(seed[i], d);
    v = (v << 4) | d;
  }
  if (hex) return v;
  std::uint64_t h = 14695981039346656037ull;
  for (const char ch : seed) {
    h ^= static_cast<unsigned char>(ch);
    h *= 1099511628211ull;
  }
  return h;
}

// splitmix64's finaliser: neighbouring seeds get unrelated pictures.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

std::string hsl(unsigned hue, std::string_view saturation, std::string_view lightness) {
  std::string out = "hsl(" + std::to_string(hue) + ",";
  out.append(saturation).append(",").append(lightness).append(")");
  return out;
}

// The heart drawn in the Like buttons (a 24x24 icon path).
void heart(HtmlBuilder& b) {
  b.open("svg", {{"class", "parley-heart"},
                 {"viewbox", "0 0 24 24"},
                 {"width", "16"},
                 {"height", "16"},
                 {"aria-hidden", "true"},
                 {"focusable", "false"}});
  b.open("path", {{"d",
                   "M12 21s-7.5-4.6-9.6-9.2C.9 8.4 3 4.5 6.7 4.5c2.1 0 3.6 1.2 4.4 2.6h1.8"
                   "c.8-1.4 2.3-2.6 4.4-2.6 3.7 0 5.8 3.9 4.3 7.3C19.5 16.4 12 21 12 21z"}});
  b.close("path");
  b.close("svg");
}

void like_button_attrs_open(HtmlBuilder& b, std::string_view css_class, std::int64_t id,
                            const std::string& key, bool pressed, std::string_view label) {
  const std::string id_text = std::to_string(id);
  b.open("button", {{"type", "button"},
                    {"class", css_class},
                    {"data-parley-action", "like"},
                    {"data-parley-id", id_text},
                    {"data-parley-key", key},
                    {"aria-pressed", pressed ? "true" : "false"},
                    {label.empty() ? "" : "aria-label", label}});
}

void message_slot(HtmlBuilder& b, std::string_view tag, std::int64_t id) {
  b.element(tag,
            {{"class", "parley-like-message"},
             {"data-parley-key", keys::like_message(id)},
             {"role", "status"}},
            "");
}

}  // namespace

std::string likes_text(std::size_t count) {
  const i18n::Catalog& cat = i18n::active();
  if (count == 0) return cat.text("likes.first");
  return cat.count("likes.count", count);
}

SafeHtml generated_avatar(std::string_view seed) {
  const std::uint64_t v = mix(seed_value(seed));
  const auto hue = static_cast<unsigned>((v >> 32) % 360);
  std::string d;
  const auto cell = [&d](int x, int y) {
    d += "M" + std::to_string(x) + " " + std::to_string(y) + "h1v1h-1z";
  };
  for (int row = 0; row < kGrid; ++row) {
    for (int col = 0; col < kHalf; ++col) {
      if (((v >> (row * kHalf + col)) & 1u) == 0) continue;
      cell(col, row);
      const int mirror = kGrid - 1 - col;
      if (mirror != col) cell(mirror, row);
    }
  }
  HtmlBuilder b;
  b.open("svg", {{"class", "parley-liker-avatar"},
                 {"viewbox", "0 0 5 5"},
                 {"width", kAvatarPx},
                 {"height", kAvatarPx},
                 {"shape-rendering", "crispEdges"},
                 {"aria-hidden", "true"},
                 {"focusable", "false"}});
  b.open("rect", {{"width", "5"}, {"height", "5"}, {"fill", hsl(hue, "45%", "90%")}});
  b.close("rect");
  if (!d.empty()) {
    b.open("path", {{"d", d}, {"fill", hsl(hue, "55%", "42%")}});
    b.close("path");
  }
  b.close("svg");
  return std::move(b).finish();
}

SafeHtml liker_avatar(std::string_view entry, std::string_view name) {
  // Anything but a bounded https URL (or http on loopback, the test and demo providers)
  // is taken for a seed: it can never reach the src attribute.
  if (!is_safe_avatar_url(entry)) return generated_avatar(entry);
  HtmlBuilder b;
  // No referrer: the provider learns nothing about which page shows its picture. The
  // list is aria-hidden (the sentence says it), so the name is a pointer's tooltip.
  b.empty("img", {{"class", "parley-liker-avatar"},
                  {"src", entry},
                  {"alt", ""},
                  {name.empty() ? "" : "title", name},
                  {"width", kAvatarPx},
                  {"height", kAvatarPx},
                  {"loading", "lazy"},
                  {"referrerpolicy", "no-referrer"}});
  return std::move(b).finish();
}

SafeHtml likers(const std::vector<RecentLiker>& recent) {
  HtmlBuilder b;
  for (const RecentLiker& liker : recent) {
    b.open("li", {{"class", "parley-liker"}});
    b.html(liker_avatar(liker.avatar, liker.name));
    b.close("li");
  }
  return std::move(b).finish();
}

SafeHtml likes_block(const PageLikesInput& in) {
  const i18n::Catalog& cat = i18n::active();
  HtmlBuilder b;
  // lang and dir as on the comments section: the block may be on a page alone.
  b.open("div", {{"class", "parley-likes"},
                 {"data-parley-key", keys::kLikes},
                 {"lang", cat.lang()},
                 {"dir", cat.dir()}});
  b.element("h3", {{"class", "parley-likes-heading"}}, cat.text("likes.heading"));
  b.open("div", {{"class", "parley-likes-row"}});
  like_button_attrs_open(b, "parley-like-button", 0, keys::like(0), in.page.liked, "");
  heart(b);
  b.element("span", {{"class", "parley-like-label"}}, cat.text("likes.like"));
  b.close("button");
  // The avatars repeat what the sentence says; screen readers get the sentence.
  b.open("ul",
         {{"class", "parley-likers"}, {"data-parley-key", keys::kLikers}, {"aria-hidden", "true"}});
  if (in.recent) b.html(likers(*in.recent));
  b.close("ul");
  b.close("div");
  b.element("p", {{"class", "parley-likes-text"}, {"data-parley-key", keys::like_count(0)}},
            in.loading ? std::string() : likes_text(in.page.count));
  message_slot(b, "p", 0);
  b.close("div");
  return std::move(b).finish();
}

std::string comment_like_count(std::size_t count) {
  return count == 0 ? std::string() : std::to_string(count);
}

SafeHtml comment_like(std::int64_t id, std::string_view author, LikeCount likes) {
  const std::string label = i18n::active().text("likes.comment_label", {{"author", author}});
  HtmlBuilder b;
  like_button_attrs_open(b, "parley-comment-like", id, keys::like(id), likes.liked, label);
  heart(b);
  b.close("button");
  // The count beside the button, not in it: a button's visible text must be part of its
  // accessible name (WCAG 2.5.3), and "3" is not "Like this comment by Alice".
  b.element("span", {{"class", "parley-like-count"}, {"data-parley-key", keys::like_count(id)}},
            comment_like_count(likes.count));
  message_slot(b, "span", id);
  return std::move(b).finish();
}

}  // namespace parley::view
