#include <doctest/doctest.h>

#include "core/share.hpp"

using parley::share::Page;
using parley::share::share_url;
using parley::share::Target;

namespace {

Page post() {
  Page p;
  p.url = "https://blog.example/2011/07/raids/";
  p.title = "Raids & Rights: “Kicking Down the Door”";
  p.description = "A report on raids.";
  p.image = "https://blog.example/cover.jpg";
  p.via = "sexworkersproj";
  p.hashtags = {"humanrights", "policy"};
  return p;
}

constexpr const char* kUrl = "https%3A%2F%2Fblog.example%2F2011%2F07%2Fraids%2F";
constexpr const char* kTitle =
    "Raids%20%26%20Rights%3A%20%E2%80%9CKicking%20Down%20the%20Door%E2%80%9D";

std::string s(const char* a, const char* b = "", const char* c = "", const char* d = "",
              const char* e = "") {
  return std::string(a) + b + c + d + e;
}

}  // namespace

TEST_CASE("encode_component matches JavaScript's encodeURIComponent") {
  using parley::share::encode_component;
  CHECK(encode_component("a b+c") == "a%20b%2Bc");
  CHECK(encode_component("-_.!~*'()") == "-_.!~*'()");
  CHECK(encode_component("é/?#&=") == "%C3%A9%2F%3F%23%26%3D");
  CHECK(encode_component("😀") == "%F0%9F%98%80");
}

TEST_CASE("every link template is pinned") {
  const Page p = post();
  CHECK(share_url(Target::X, p) == s("https://x.com/intent/tweet?text=", kTitle, "&url=", kUrl,
                                     "&via=sexworkersproj&hashtags=humanrights%2Cpolicy"));
  CHECK(share_url(Target::Facebook, p) == s("https://www.facebook.com/sharer/sharer.php?u=", kUrl));
  CHECK(share_url(Target::LinkedIn, p) ==
        s("https://www.linkedin.com/sharing/share-offsite/?url=", kUrl));
  CHECK(share_url(Target::Reddit, p) ==
        s("https://www.reddit.com/submit?url=", kUrl, "&title=", kTitle, "&type=LINK"));
  CHECK(share_url(Target::HackerNews, p) ==
        s("https://news.ycombinator.com/submitlink?u=", kUrl, "&t=", kTitle));
  CHECK(share_url(Target::Bluesky, p) ==
        s("https://bsky.app/intent/compose?text=", kTitle, "%20", kUrl));
  CHECK(share_url(Target::Threads, p) ==
        s("https://www.threads.com/intent/post?text=", kTitle, "&url=", kUrl));
  CHECK(share_url(Target::Telegram, p) == s("https://t.me/share/url?url=", kUrl, "&text=", kTitle));
  CHECK(share_url(Target::WhatsApp, p) == s("https://wa.me/?text=", kTitle, "%20", kUrl));
  CHECK(share_url(Target::Pinterest, p) ==
        s("https://www.pinterest.com/pin/create/button/?url=", kUrl,
          "&media=https%3A%2F%2Fblog.example%2Fcover.jpg&description=", kTitle));
  CHECK(share_url(Target::Tumblr, p) ==
        s("https://www.tumblr.com/widgets/share/tool?posttype=link&canonicalUrl=", kUrl,
          "&title=", kTitle, "&caption=A%20report%20on%20raids."));
  CHECK(share_url(Target::VK, p) == s("https://vk.com/share.php?url=", kUrl, "&title=", kTitle,
                                      "&image=https%3A%2F%2Fblog.example%2Fcover.jpg"));
  CHECK(share_url(Target::Weibo, p) == s("https://service.weibo.com/share/share.php?url=", kUrl,
                                         "&title=", kTitle,
                                         "&pic=https%3A%2F%2Fblog.example%2Fcover.jpg"));
  CHECK(share_url(Target::Line, p) == s("https://social-plugins.line.me/lineit/share?url=", kUrl));
  CHECK(share_url(Target::Flipboard, p) ==
        s("https://share.flipboard.com/bookmarklet/popout?v=2&title=", kTitle, "&url=", kUrl));
}

TEST_CASE("email and SMS use %20 for spaces, never +") {
  const Page p = post();
  CHECK(share_url(Target::Email, p) ==
        s("mailto:?subject=", kTitle, "&body=A%20report%20on%20raids.%0A%0A", kUrl));
  CHECK(share_url(Target::Sms, p) == s("sms:?&body=", kTitle, "%20", kUrl));
  CHECK(share_url(Target::Email, p).find('+') == std::string::npos);
}

TEST_CASE("fediverse targets go to the reader's instance, and only a valid one") {
  const Page p = post();
  CHECK(share_url(Target::Mastodon, p, "mastodon.social") ==
        s("https://mastodon.social/share?text=", kTitle, "%20", kUrl,
          "%20%23humanrights%20%23policy"));
  CHECK(share_url(Target::Mastodon, p, " https://Mastodon.Social/ ")
            .rfind("https://mastodon.social/share?", 0) == 0);
  CHECK(share_url(Target::Mastodon, p, "@ana@fosstodon.org")
            .rfind("https://fosstodon.org/share?", 0) == 0);
  CHECK(share_url(Target::Misskey, p, "misskey.io").rfind("https://misskey.io/share?text=", 0) ==
        0);
  CHECK(share_url(Target::Friendica, p, "libranet.de")
            .rfind("https://libranet.de/compose?body=", 0) == 0);
  CHECK(share_url(Target::Lemmy, p, "lemmy.world") ==
        s("https://lemmy.world/create_post?url=", kUrl, "&title=", kTitle));
  for (const char* bad : {"", "localhost", "evil.org/phish?x=", "a b.org", "javascript:alert(1)",
                          "user@evil.org@", "-bad.org", "evil.org:99999999"}) {
    CAPTURE(bad);
    CHECK(share_url(Target::Mastodon, p, bad).empty());
  }
}

TEST_CASE("missing optional values are left out, actions have no URL") {
  Page p;
  p.url = "https://b.example/";
  CHECK(share_url(Target::X, p) == "https://x.com/intent/tweet?url=https%3A%2F%2Fb.example%2F");
  CHECK(share_url(Target::Pinterest, p).empty());  // Pinterest needs an image
  CHECK(share_url(Target::Copy, p).empty());
  CHECK(share_url(Target::Native, p).empty());
  CHECK(share_url(Target::Print, p).empty());
}

TEST_CASE("targets are listed with stable ids and looked up by them") {
  using namespace parley::share;
  CHECK(all_targets().size() == 24);
  for (const auto& t : all_targets()) {
    CAPTURE(t.id);
    CHECK(info(t.target).id == t.id);
    CHECK(target_from_id(t.id) == t.target);
  }
  CHECK_FALSE(target_from_id("google-plus").has_value());
  CHECK(info(Target::Sms).touch_only);
  CHECK(info(Target::Copy).kind == Kind::Action);
}
