// The likes views as a reader meets them: the sentence in every plural form of a few
// languages that count differently, the Like block and hearts the widget patches by
// key, and generated avatars that no seed or URL can break out of.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/thread.hpp"
#include "core/view_comment.hpp"
#include "core/view_likes.hpp"
#include "core/view_thread.hpp"

using parley::i18n::Catalog;
using parley::view::likes_text;

namespace {

std::string in(std::string_view lang, std::size_t n) {
  const Catalog c = Catalog::for_language(lang);
  const parley::i18n::Use use(c);
  return likes_text(n);
}

bool has(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("the likes sentence in English") {
  CHECK(in("en", 0) == "Be the first to like this.");
  CHECK(in("en", 1) == "1 blogger likes this");
  CHECK(in("en", 2) == "2 bloggers like this");
  CHECK(in("en", 21) == "21 bloggers like this");
}

TEST_CASE("the likes sentence in Russian: one, few, many") {
  CHECK(in("ru", 0) == "Будьте первым, кому это понравится.");
  CHECK(in("ru", 1) == "1 блогер оценил это");
  CHECK(in("ru", 21) == "21 блогер оценил это");
  CHECK(in("ru", 2) == "2 блогера оценили это");
  CHECK(in("ru", 34) == "34 блогера оценили это");
  CHECK(in("ru", 5) == "5 блогеров оценили это");
  CHECK(in("ru", 11) == "11 блогеров оценили это");
  CHECK(in("ru", 12) == "12 блогеров оценили это");
  CHECK(in("ru", 111) == "111 блогеров оценили это");
}

TEST_CASE("the likes sentence in Arabic: one, two, few, many, other") {
  CHECK(in("ar", 0) == "كن أول من يُعجب بهذا.");
  CHECK(in("ar", 1) == "أُعجب بهذا مدوّن واحد");
  CHECK(in("ar", 2) == "أُعجب بهذا مدوّنان");
  CHECK(in("ar", 3) == "أُعجب بهذا 3 مدوّنين");
  CHECK(in("ar", 10) == "أُعجب بهذا 10 مدوّنين");
  CHECK(in("ar", 11) == "أُعجب بهذا 11 مدوّنًا");
  CHECK(in("ar", 99) == "أُعجب بهذا 99 مدوّنًا");
  CHECK(in("ar", 100) == "أُعجب بهذا 100 مدوّن");
  CHECK(in("ar", 103) == "أُعجب بهذا 103 مدوّنين");
}

TEST_CASE("the likes sentence in Japanese: one form for every number") {
  CHECK(in("ja", 0) == "最初の「いいね」をしませんか。");
  CHECK(in("ja", 1) == "1 人のブロガーがいいねしました");
  CHECK(in("ja", 7) == "7 人のブロガーがいいねしました");
}

TEST_CASE("the Like block: a pressed-state button, the sentence, the avatars, a message slot") {
  const std::vector<parley::view::RecentLiker> recent = {
      {"0a1b2c3d", ""}, {"https://avatars.example/u/7.png", "Ada <Lovelace>"}};
  parley::view::PageLikesInput input;
  input.page = {2, true};
  input.recent = &recent;
  const std::string html = parley::view::likes_block(input).str();
  CHECK(has(html, R"(data-parley-action="like" data-parley-id="0" data-parley-key="like-0")"));
  CHECK(has(html, R"(aria-pressed="true")"));
  CHECK(has(html, R"(<span class="parley-like-label">Like</span></button>)"));
  CHECK(has(html, R"(data-parley-key="like-count-0">2 bloggers like this</p>)"));
  CHECK(has(html, R"(<ul class="parley-likers" data-parley-key="likers" aria-hidden="true">)"));
  CHECK(has(html, R"(<li class="parley-liker"><svg class="parley-liker-avatar")"));
  CHECK(has(html, R"(<img class="parley-liker-avatar" src="https://avatars.example/u/7.png")"));
  // A signed-in liker's name is the picture's tooltip, escaped like any text.
  CHECK(has(html, R"(alt="" title="Ada &lt;Lovelace&gt;")"));
  CHECK(has(html, R"(data-parley-key="like-message-0" role="status")"));
  CHECK(has(html, R"(lang="en" dir="ltr")"));

  parley::view::PageLikesInput loading;
  loading.loading = true;
  const std::string waiting = parley::view::likes_block(loading).str();
  CHECK(has(waiting, R"(aria-pressed="false")"));
  CHECK(has(waiting, R"(data-parley-key="like-count-0"></p>)"));  // no count guessed
}

TEST_CASE("a comment's heart: named after its author, its count, pressed when liked") {
  const std::string html = parley::view::comment_like(7, "Alice <b>", {3, true}).str();
  CHECK(has(html, R"(aria-label="Like this comment by Alice &lt;b&gt;")"));
  CHECK(has(html, R"(data-parley-id="7" data-parley-key="like-7" aria-pressed="true")"));
  CHECK(has(
      html,
      R"(</svg></button><span class="parley-like-count" data-parley-key="like-count-7">3</span>)"));
  CHECK(has(html, R"(data-parley-key="like-message-7" role="status")"));
  const std::string none = parley::view::comment_like(8, "Bo", {}).str();
  CHECK(has(none, R"(aria-pressed="false")"));
  CHECK(has(none, R"(data-parley-key="like-count-8"></span>)"));  // nobody yet: no "0"
}

TEST_CASE("hearts appear in the thread only when the page shows likes") {
  parley::Comment c;
  c.id = 4;
  c.author = "Ana";
  c.html = "<p>Hi</p>";
  const parley::Thread t = parley::build_thread({c});
  CHECK_FALSE(has(parley::view::thread_items(t, 0).str(), "parley-comment-like"));
  const parley::view::CommentLikeMap likes = {{4, {5, false}}};
  const std::string html = parley::view::thread_items(t, 0, &likes).str();
  CHECK(has(html, R"(aria-label="Like this comment by Ana")"));
  CHECK(has(html, R"(data-parley-key="like-count-4">5</span>)"));
  const parley::view::CommentLikeMap nobody;
  CHECK(has(parley::view::comment_item(c, 0, 0, &nobody).str(), R"(aria-pressed="false")"));
}

TEST_CASE("generated avatars: the same seed, the same picture; another seed, another") {
  const std::string a = parley::view::generated_avatar("0a1b2c3d").str();
  CHECK(a == parley::view::generated_avatar("0a1b2c3d").str());
  CHECK(a == parley::view::generated_avatar("0A1B2C3D").str());  // hex, any case
  CHECK(a != parley::view::generated_avatar("0a1b2c3e").str());
  CHECK(has(a, R"(<svg class="parley-liker-avatar" viewbox="0 0 5 5")"));
  CHECK(has(a, R"(aria-hidden="true")"));
  CHECK(has(a, "<rect "));
}

TEST_CASE("generated avatars never carry their seed's text into the markup") {
  for (const std::string& seed :
       {std::string("\"><script>alert(1)</script>"), std::string("' onload='x"),
        std::string("javascript:alert(1)"), std::string(), std::string(5000, '<'),
        std::string("\xff\xfe\x00", 3)}) {
    CAPTURE(seed);
    const std::string svg = parley::view::liker_avatar(seed).str();
    CHECK(svg.rfind("<svg class=\"parley-liker-avatar\"", 0) == 0);
    CHECK_FALSE(has(svg, "<script"));
    CHECK_FALSE(has(svg, "onload"));
    CHECK_FALSE(has(svg, "javascript"));
    CHECK_FALSE(has(svg, "<img"));
  }
}

TEST_CASE("provider avatars: only https URLs (http on loopback), escaped, sent no referrer") {
  const std::string img = parley::view::liker_avatar("https://a.example/x.png?a=1&b='2'").str();
  CHECK(has(img, R"(src="https://a.example/x.png?a=1&amp;b=&#39;2&#39;")"));
  CHECK(has(img, R"(alt="")"));
  CHECK(has(img, R"(referrerpolicy="no-referrer")"));
  // Not a web address (or one that could close the attribute): a generated picture
  // instead, never an <img>.
  CHECK_FALSE(has(parley::view::liker_avatar(R"(https://a.example/"><script>)").str(), "<img"));
  CHECK_FALSE(has(parley::view::liker_avatar("javascript:alert(1)").str(), "<img"));
  CHECK_FALSE(has(parley::view::liker_avatar("data:image/svg+xml,<svg/>").str(), "<img"));
  // Plain http leaks the reader's view of the page to the network: loopback only (the
  // local test and demo providers).
  CHECK_FALSE(has(parley::view::liker_avatar("http://img.example/a.png").str(), "<img"));
  CHECK(has(parley::view::liker_avatar("http://127.0.0.1:9/a.png").str(), "<img"));
  // Bounded: a URL longer than any website a comment may link is not shown.
  const std::string longest = "https://a.example/" + std::string(2048 - 18, 'a');
  CHECK(has(parley::view::liker_avatar(longest).str(), "<img"));
  CHECK_FALSE(has(parley::view::liker_avatar(longest + "a").str(), "<img"));
}

TEST_CASE("a signed-in liker's name titles their picture, escaped; a guest has no title") {
  const std::string img =
      parley::view::liker_avatar("https://a.example/x.png", R"(Ada "<b>" O'Neil)").str();
  CHECK(has(img, R"(title="Ada &quot;&lt;b&gt;&quot; O&#39;Neil")"));
  CHECK_FALSE(has(parley::view::liker_avatar("https://a.example/x.png").str(), "title="));
  const std::vector<parley::view::RecentLiker> recent{{"https://a.example/x.png", "Ada"},
                                                      {"0a1b2c3d", ""}};
  const std::string list = parley::view::likers(recent).str();
  CHECK(list.find("<img") < list.find("<svg"));  // newest first, as given
  CHECK(has(list, R"(title="Ada")"));
}
