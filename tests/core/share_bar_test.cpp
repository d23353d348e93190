// The share bar as a reader and a screen reader meet it: which buttons show, in the
// owner's order and style, what their accessible names say, that links open in a new
// window without leaking the opener, and that no class name invites an ad blocker.
#include <doctest/doctest.h>

#include <iterator>
#include <regex>
#include <string>

#include "core/embed_parts.hpp"
#include "core/i18n.hpp"
#include "core/share_icons.hpp"
#include "core/share_options.hpp"
#include "core/view_share_bar.hpp"

using parley::share::Style;
using parley::share::Target;
using parley::view::ShareBarInput;

namespace {

ShareBarInput bar(std::string_view targets, Style style = Style::Icons) {
  ShareBarInput in;
  in.targets = parley::share::parse_targets(targets);
  in.style = style;
  in.page.url = "https://blog.example/raids/";
  in.page.title = "Raids & <Rights>";
  in.page.description = "A report.";
  return in;
}

std::string items(const ShareBarInput& in) {
  return parley::view::share_items(in).str();
}

bool has(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

std::ptrdiff_t icons(const std::string& html) {
  static const std::regex svg("<svg ");
  return std::distance(std::sregex_iterator(html.begin(), html.end(), svg), std::sregex_iterator());
}

}  // namespace

TEST_CASE("targets follow the owner's order; unknown ids and repeats are skipped") {
  using parley::share::parse_targets;
  CHECK(parse_targets("bluesky, X,nope,bluesky,copy") ==
        std::vector<Target>{Target::Bluesky, Target::X, Target::Copy});
  CHECK(parse_targets("") == parse_targets(parley::share::kDefaultTargets));
  CHECK(parse_targets("nope").empty());
  // Bounded: a list no owner writes gives no targets, not the defaults.
  const std::string padded =
      "x," + std::string(parley::share::kMaxTargetListBytes - 7, ' ') + ",copy";
  CHECK(parse_targets(padded) == std::vector<Target>{Target::X, Target::Copy});
  CHECK(parse_targets(padded + " ").empty());
  CHECK(parse_targets(std::string(10000, 'x')).empty());
  const std::string html = items(bar("reddit,x,email"));
  CHECK(html.find("parley-spread-reddit") < html.find("parley-spread-x"));
  CHECK(html.find("parley-spread-x") < html.find("parley-spread-email"));
}

TEST_CASE("style, via and hashtags are read leniently") {
  using namespace parley::share;
  CHECK(parse_style("icons+labels") == Style::IconsLabels);
  CHECK(parse_style("labels") == Style::Labels);
  CHECK(parse_style("sparkles") == Style::Icons);
  CHECK(parse_hashtags(" #web, c++ ,,#wasm") == std::vector<std::string>{"web", "c++", "wasm"});
  CHECK(parse_hashtags("a,b,c,d,e,f,g,h,i,j").size() == kMaxHashtags);
  CHECK(parse_via("@parley") == "parley");
  CHECK(parse_via(std::string(100, 'a')).empty());
}

TEST_CASE("links open in a new window without the opener, and say so") {
  const std::string html = items(bar("bluesky"));
  CHECK(has(html,
            "<a class=\"parley-spread-link parley-spread-bluesky\" "
            "href=\"https://bsky.app/intent/compose?text=Raids%20%26%20%3CRights%3E%20"
            "https%3A%2F%2Fblog.example%2Fraids%2F\" target=\"_blank\" "
            "rel=\"noopener noreferrer\" "
            "aria-label=\"Share on Bluesky (opens in a new window)\""));
  // Email hands over to the mail app: no empty window left behind.
  const std::string mail = items(bar("email"));
  CHECK(has(mail, "href=\"mailto:?subject=Raids%20%26%20%3CRights%3E&amp;body="));
  CHECK_FALSE(has(mail, "target="));
  CHECK(has(mail, "aria-label=\"Share by email\""));
}

TEST_CASE("actions are buttons; native share and SMS only where the browser can") {
  ShareBarInput in = bar("copy,native,print,sms");
  std::string html = items(in);
  CHECK(has(html,
            "<button type=\"button\" class=\"parley-spread-link parley-spread-copy\" "
            "aria-label=\"Copy link\" data-parley-action=\"spread-copy\""));
  CHECK(has(html, "data-parley-action=\"spread-print\""));
  CHECK_FALSE(has(html, "spread-native"));
  CHECK_FALSE(has(html, "sms:"));
  in.can_native = true;
  in.touch = true;
  html = items(in);
  CHECK(has(html, "data-parley-action=\"spread-native\""));
  CHECK(has(html, "href=\"sms:?&amp;body="));
}

TEST_CASE("a bar for any device (an include's stand-in) holds Share… and SMS, marked as such") {
  ShareBarInput in = bar("copy,native,sms");
  in.any_device = true;
  const std::string html = items(in);
  CHECK(has(html,
            "<li class=\"parley-spread-item\"><button type=\"button\" "
            "class=\"parley-spread-link parley-spread-copy\""));
  CHECK(has(html,
            "<li class=\"parley-spread-item parley-spread-coarse\"><button type=\"button\" "
            "class=\"parley-spread-link parley-spread-native\""));
  CHECK(has(html,
            "<li class=\"parley-spread-item parley-spread-coarse\"><a class=\"parley-spread-link "
            "parley-spread-sms\""));
  // A known device: no marks, whatever it has.
  in.any_device = false;
  in.can_native = true;
  in.touch = true;
  CHECK_FALSE(has(items(in), "parley-spread-coarse"));
}

TEST_CASE("Pinterest shows only when the page has an image") {
  ShareBarInput in = bar("pinterest");
  CHECK(items(in).empty());
  in.page.image = "https://blog.example/cover.jpg";
  CHECK(has(items(in), "media=https%3A%2F%2Fblog.example%2Fcover.jpg"));
}

TEST_CASE("styles: icons, icons with labels, labels") {
  const std::string icons_only = items(bar("x,copy", Style::Icons));
  CHECK(icons(icons_only) == 2);
  CHECK_FALSE(has(icons_only, "parley-spread-label"));
  const std::string both = items(bar("x,copy", Style::IconsLabels));
  CHECK(icons(both) == 2);
  CHECK(has(both, "<span class=\"parley-spread-label\">X</span>"));
  CHECK(has(both, "<span class=\"parley-spread-label\">Copy link</span>"));
  const std::string labels = items(bar("x,copy", Style::Labels));
  CHECK_FALSE(has(labels, "<svg"));
  CHECK(has(labels, "<span class=\"parley-spread-label\">X</span>"));
  // Icons are decoration: the name is on the link.
  CHECK(has(icons_only,
            "<svg class=\"parley-spread-icon\" viewbox=\"0 0 24 24\" "
            "aria-hidden=\"true\" focusable=\"false\"><path d=\"M"));
}

TEST_CASE("every target has an icon; brands simple-icons lacks get the fallback glyph") {
  using parley::share::icon_path;
  for (const auto& t : parley::share::all_targets()) {
    CAPTURE(t.id);
    CHECK((icon_path(t.target).starts_with("M") || icon_path(t.target).starts_with("m")));
  }
  CHECK(icon_path(Target::LinkedIn) == icon_path(Target::Friendica));
  CHECK(icon_path(Target::X) != icon_path(Target::LinkedIn));
}

TEST_CASE("fediverse: a button asks for the reader's server until it is known") {
  ShareBarInput in = bar("mastodon");
  std::string html = items(in);
  CHECK(has(html,
            "<button type=\"button\" class=\"parley-spread-link parley-spread-mastodon\" "
            "aria-label=\"Share on Mastodon\" aria-controls=\"parley-spread-server\" "
            "data-parley-action=\"spread-server-mastodon\""));
  CHECK_FALSE(has(html, "<a "));
  in.server = "mastodon.social";
  html = items(in);
  CHECK(has(html, "href=\"https://mastodon.social/share?text="));
  CHECK(has(html, "aria-label=\"Change server (mastodon.social)\""));
  CHECK(has(html, "data-parley-action=\"spread-change-mastodon\""));
  // The software NodeInfo reported picks the compose URL and the name.
  in.server = "misskey.io";
  in.software = "sharkey";
  html = items(in);
  CHECK(has(html, "href=\"https://misskey.io/share?text="));
  CHECK(has(html, "aria-label=\"Share on Misskey (opens in a new window)\""));
  in.server = "lemmy.world";
  in.software = "lemmy";
  CHECK(has(items(in), "href=\"https://lemmy.world/create_post?url="));
  in.software = "friendica";
  CHECK(has(items(in), "/compose?body="));
  in.software = "pleroma";
  CHECK(has(items(in), "/share?text="));
}

TEST_CASE("the server prompt labels its field and shows its error next to it") {
  using parley::view::server_prompt;
  const std::string ok = server_prompt({Target::Mastodon, "", "", "parley-"}).str();
  CHECK(has(ok, "<label class=\"parley-label\" for=\"parley-field-server\">Your Mastodon server"));
  CHECK(has(ok, "data-parley-form=\"server\""));
  CHECK_FALSE(has(ok, "aria-invalid"));
  const std::string bad =
      server_prompt({Target::Mastodon, "not a <host>", "Enter the name.", "parley-"}).str();
  CHECK(has(bad, "value=\"not a &lt;host&gt;\""));
  CHECK(has(bad, "aria-invalid=\"true\""));
  CHECK(has(bad, "aria-describedby=\"parley-error-server\""));
  CHECK(has(bad, ">Enter the name.</p>"));
}

TEST_CASE("the bar is a labelled section with a live region, in the catalog's language") {
  const std::string html = parley::view::share_bar(bar("x")).str();
  CHECK(has(html,
            "<section class=\"parley-spread parley-spread--icons\" id=\"parley-spread\" "
            "data-parley-key=\"spread\" lang=\"en\" dir=\"ltr\" "
            "aria-labelledby=\"parley-spread-title\">"));
  CHECK(has(html, ">Share this:</h2>"));
  CHECK(has(html, "aria-live=\"polite\" data-parley-key=\"spread-status\""));
  const auto de = parley::i18n::Catalog::for_language("de");
  const parley::i18n::Use use(de);
  const std::string german = parley::view::share_bar(bar("x,copy")).str();
  CHECK(has(german, "lang=\"de\""));
  CHECK(has(german, "aria-label=\"Auf X teilen (öffnet in neuem Fenster)\""));
  CHECK(has(german, "aria-label=\"Link kopieren\""));
}

TEST_CASE("no class name an ad-block cosmetic list would hide") {
  ShareBarInput in =
      bar("x,facebook,linkedin,reddit,hacker-news,mastodon,bluesky,threads,telegram,whatsapp,"
          "pinterest,tumblr,vk,weibo,line,flipboard,email,sms,copy,native,print",
          Style::IconsLabels);
  in.can_native = in.touch = true;
  in.page.image = "https://blog.example/cover.jpg";
  const std::string html = parley::view::share_bar(in).str();
  const std::regex class_attr("class=\"([^\"]*)\"");
  std::size_t classes = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), class_attr);
       it != std::sregex_iterator(); ++it) {
    const std::string value = (*it)[1];
    CAPTURE(value);
    CHECK_FALSE(has(value, "share"));
    CHECK_FALSE(has(value, "social"));
    ++classes;
  }
  CHECK(classes > 20);
}

TEST_CASE("parts: the owner's choice in page order, everything by default") {
  using parley::parse_parts;
  using parley::Part;
  CHECK(parse_parts("") == std::vector<Part>{Part::Share, Part::Likes, Part::Comments});
  CHECK(parse_parts("comments, share") == std::vector<Part>{Part::Comments, Part::Share});
  CHECK(parse_parts("share,share,bogus") == std::vector<Part>{Part::Share});
  CHECK(parse_parts("bogus") == std::vector<Part>{Part::Share, Part::Likes, Part::Comments});
}

TEST_CASE("parts: each part's name is the one parse_parts reads") {
  using parley::Part;
  for (const Part part : {Part::Share, Part::Likes, Part::Comments}) {
    CAPTURE(parley::part_name(part));
    CHECK(parley::parse_parts(parley::part_name(part)) == std::vector<Part>{part});
  }
  CHECK(parley::part_name(Part::Share) == "share");
  CHECK(parley::part_name(Part::Likes) == "likes");
  CHECK(parley::part_name(Part::Comments) == "comments");
}
