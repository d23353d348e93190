#include "share.hpp"

#include "host.hpp"

#include <algorithm>
#include <array>

namespace parley::share {
namespace {

constexpr std::array<bool, 256> make_unreserved() {
  std::array<bool, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = true;
  for (char c : std::string_view("-_.!~*'()")) t[static_cast<unsigned char>(c)] = true;
  return t;
}
constexpr auto kUnreserved = make_unreserved();

// "title url" as one line: for networks that take only a text (Bluesky, Mastodon,
// WhatsApp, SMS), the URL goes inside it.
std::string text_with_url(const Page& p) {
  return p.title.empty() ? p.url : p.title + " " + p.url;
}

std::string hashtag_suffix(const Page& p) {
  std::string out;
  for (const auto& tag : p.hashtags) out += " #" + tag;
  return out;
}

std::string join_tags(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& tag : tags) {
    if (!out.empty()) out += ',';
    out += tag;
  }
  return out;
}

// Builds "base?k1=v1&k2=v2", skipping empty optional values.
class Query {
 public:
  explicit Query(std::string base) : out_(std::move(base)) {}
  Query& add(std::string_view key, std::string_view value, bool keep_empty = false) {
    if (value.empty() && !keep_empty) return *this;
    out_ += sep_;
    out_ += key;
    out_ += '=';
    out_ += encode_component(value);
    sep_ = '&';
    return *this;
  }
  Query& raw(std::string_view pair) {
    out_ += sep_;
    out_ += pair;
    sep_ = '&';
    return *this;
  }
  std::string str() const { return out_; }

 private:
  std::string out_;
  char sep_ = '?';
};

const std::vector<TargetInfo> kTargets = {
    {Target::X, "x", "X", Kind::Link, false, false},
    {Target::Facebook, "facebook", "Facebook", Kind::Link, false, false},
    {Target::LinkedIn, "linkedin", "LinkedIn", Kind::Link, false, false},
    {Target::Reddit, "reddit", "Reddit", Kind::Link, false, false},
    {Target::HackerNews, "hacker-news", "Hacker News", Kind::Link, false, false},
    {Target::Mastodon, "mastodon", "Mastodon", Kind::Link, true, false},
    {Target::Misskey, "misskey", "Misskey", Kind::Link, true, false},
    {Target::Friendica, "friendica", "Friendica", Kind::Link, true, false},
    {Target::Lemmy, "lemmy", "Lemmy", Kind::Link, true, false},
    {Target::Bluesky, "bluesky", "Bluesky", Kind::Link, false, false},
    {Target::Threads, "threads", "Threads", Kind::Link, false, false},
    {Target::Telegram, "telegram", "Telegram", Kind::Link, false, false},
    {Target::WhatsApp, "whatsapp", "WhatsApp", Kind::Link, false, false},
    {Target::Pinterest, "pinterest", "Pinterest", Kind::Link, false, false},
    {Target::Tumblr, "tumblr", "Tumblr", Kind::Link, false, false},
    {Target::VK, "vk", "VK", Kind::Link, false, false},
    {Target::Weibo, "weibo", "Weibo", Kind::Link, false, false},
    {Target::Line, "line", "LINE", Kind::Link, false, false},
    {Target::Flipboard, "flipboard", "Flipboard", Kind::Link, false, false},
    {Target::Email, "email", "Email", Kind::Link, false, false},
    {Target::Sms, "sms", "SMS", Kind::Link, false, true},
    {Target::Copy, "copy", "Copy link", Kind::Action, false, false},
    {Target::Native, "native", "Share…", Kind::Action, false, false},
    {Target::Print, "print", "Print", Kind::Action, false, false},
};

}  // namespace

std::string encode_component(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() + s.size() / 4);
  for (const char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    if (kUnreserved[b]) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xF]);
    }
  }
  return out;
}

const std::vector<TargetInfo>& all_targets() {
  return kTargets;
}

std::optional<Target> target_from_id(std::string_view id) {
  const auto it = std::find_if(kTargets.begin(), kTargets.end(),
                               [&](const TargetInfo& t) { return t.id == id; });
  if (it == kTargets.end()) return std::nullopt;
  return it->target;
}

const TargetInfo& info(Target t) {
  return kTargets[static_cast<std::size_t>(t)];
}

std::string normalize_instance(std::string_view typed) {
  std::string s(typed);
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t/") + 1);
  for (std::string_view scheme : {"https://", "http://"}) {
    if (s.size() >= scheme.size() &&
        std::equal(scheme.begin(), scheme.end(), s.begin(), [](char a, char b) {
          return a == (b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
        })) {
      s.erase(0, scheme.size());
      break;
    }
  }
  if (!s.empty() && s.front() == '@') {
    // "@user@host" as people write their handle: the host is what counts.
    const auto at = s.rfind('@');
    s.erase(0, at + 1);
  }
  std::transform(s.begin(), s.end(), s.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return s;
}

bool is_valid_instance(std::string_view host) {
  return strip_port(host) && is_dns_name(host);
}

std::string share_url(Target t, const Page& p, std::string_view instance) {
  const std::string host = info(t).needs_instance ? normalize_instance(instance) : std::string();
  if (info(t).needs_instance && !is_valid_instance(host)) return {};
  switch (t) {
    case Target::X:
      return Query("https://x.com/intent/tweet")
          .add("text", p.title)
          .add("url", p.url)
          .add("via", p.via)
          .add("hashtags", join_tags(p.hashtags))
          .str();
    case Target::Facebook:
      return Query("https://www.facebook.com/sharer/sharer.php").add("u", p.url, true).str();
    case Target::LinkedIn:
      return Query("https://www.linkedin.com/sharing/share-offsite/").add("url", p.url, true).str();
    case Target::Reddit:
      return Query("https://www.reddit.com/submit")
          .add("url", p.url, true)
          .add("title", p.title)
          .raw("type=LINK")
          .str();
    case Target::HackerNews:
      return Query("https://news.ycombinator.com/submitlink")
          .add("u", p.url, true)
          .add("t", p.title)
          .str();
    case Target::Mastodon:
    case Target::Misskey:
      return Query("https://" + host + "/share")
          .add("text", text_with_url(p) + hashtag_suffix(p), true)
          .str();
    case Target::Friendica:
      return Query("https://" + host + "/compose").add("body", text_with_url(p), true).str();
    case Target::Lemmy:
      return Query("https://" + host + "/create_post")
          .add("url", p.url, true)
          .add("title", p.title)
          .str();
    case Target::Bluesky:
      return Query("https://bsky.app/intent/compose").add("text", text_with_url(p), true).str();
    case Target::Threads:
      return Query("https://www.threads.com/intent/post")
          .add("text", p.title)
          .add("url", p.url, true)
          .str();
    case Target::Telegram:
      return Query("https://t.me/share/url").add("url", p.url, true).add("text", p.title).str();
    case Target::WhatsApp:
      return Query("https://wa.me/").add("text", text_with_url(p), true).str();
    case Target::Pinterest:
      if (p.image.empty()) return {};
      return Query("https://www.pinterest.com/pin/create/button/")
          .add("url", p.url, true)
          .add("media", p.image, true)
          .add("description", p.title)
          .str();
    case Target::Tumblr:
      return Query("https://www.tumblr.com/widgets/share/tool")
          .raw("posttype=link")
          .add("canonicalUrl", p.url, true)
          .add("title", p.title)
          .add("caption", p.description)
          .str();
    case Target::VK:
      return Query("https://vk.com/share.php")
          .add("url", p.url, true)
          .add("title", p.title)
          .add("image", p.image)
          .str();
    case Target::Weibo:
      return Query("https://service.weibo.com/share/share.php")
          .add("url", p.url, true)
          .add("title", p.title)
          .add("pic", p.image)
          .str();
    case Target::Line:
      return Query("https://social-plugins.line.me/lineit/share").add("url", p.url, true).str();
    case Target::Flipboard:
      return Query("https://share.flipboard.com/bookmarklet/popout")
          .raw("v=2")
          .add("title", p.title)
          .add("url", p.url, true)
          .str();
    case Target::Email: {
      const std::string body = p.description.empty() ? p.url : p.description + "\n\n" + p.url;
      return Query("mailto:").add("subject", p.title).add("body", body, true).str();
    }
    case Target::Sms:
      // "sms:?&body=" is the form both iOS and Android accept.
      return "sms:?&body=" + encode_component(text_with_url(p));
    case Target::Copy:
    case Target::Native:
    case Target::Print:
      return {};
  }
  return {};
}

}  // namespace parley::share
