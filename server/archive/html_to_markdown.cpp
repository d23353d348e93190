#include "archive/html_to_markdown.hpp"

#include <cstdint>
#include <vector>

#include "core/utf8.hpp"

namespace parley::server::archive {
namespace {

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// The named entities comment HTML uses in practice; others stay as written.
struct NamedEntity {
  std::string_view name;
  char32_t cp;
};
constexpr NamedEntity kEntities[] = {
    {"amp", U'&'},        {"lt", U'<'},         {"gt", U'>'},          {"quot", U'"'},
    {"apos", U'\''},      {"nbsp", U'\u00A0'},  {"hellip", U'\u2026'}, {"mdash", U'\u2014'},
    {"ndash", U'\u2013'}, {"lsquo", U'\u2018'}, {"rsquo", U'\u2019'},  {"ldquo", U'\u201C'},
    {"rdquo", U'\u201D'}, {"copy", U'\u00A9'},  {"eacute", U'\u00E9'},
};

// Decodes the entity at html[i] ('&'); returns false (consuming nothing) if none.
bool decode_entity(std::string_view html, std::size_t& i, std::string& out) {
  const std::size_t semi = html.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 10) return false;
  const std::string_view body = html.substr(i + 1, semi - i - 1);
  char32_t cp = 0;
  if (body.size() > 1 && body[0] == '#') {
    const bool hex = body[1] == 'x' || body[1] == 'X';
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return false;
    std::uint32_t v = 0;
    for (const char c : digits) {
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      if (hex && lower(c) >= 'a' && lower(c) <= 'f') d = lower(c) - 'a' + 10;
      if (d < 0 || v > 0x10FFFF) return false;
      v = v * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    }
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = 0xFFFD;
    cp = static_cast<char32_t>(v);
  } else {
    for (const NamedEntity& e : kEntities) {
      if (e.name == body) cp = e.cp;
    }
    if (cp == 0) return false;
  }
  utf8::append(out, cp);
  i = semi + 1;
  return true;
}

// A decoded character as Markdown source: punctuation Markdown would read as syntax is
// backslash-escaped; `line_start` guards the block markers that matter ('>' quotes).
void append_text_char(std::string& out, char32_t cp, bool line_start) {
  switch (cp) {
    case U'\\':
    case U'`':
    case U'*':
    case U'_':
    case U'[':
    case U']':
    case U'<':
    case U'&':
      out += '\\';
      break;
    case U'>':
      if (line_start) out += '\\';
      break;
    default:
      break;
  }
  utf8::append(out, cp);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (lower(c) >= 'a' && lower(c) <= 'f') return lower(c) - 'a' + 10;
  return -1;
}

// Disqus rewrites every link to "https://disq.us/url?url=<encoded target>:<hash>";
// the target is what the commenter wrote.
std::string unwrap_disqus_redirect(std::string_view href) {
  for (const std::string_view prefix : {"http://disq.us/url?url=", "https://disq.us/url?url="}) {
    if (!href.starts_with(prefix)) continue;
    std::string_view encoded = href.substr(prefix.size());
    encoded = encoded.substr(0, encoded.find('&'));
    std::string target;
    for (std::size_t i = 0; i < encoded.size(); ++i) {
      if (encoded[i] == '%' && i + 2 < encoded.size() && hex_value(encoded[i + 1]) >= 0 &&
          hex_value(encoded[i + 2]) >= 0) {
        target += static_cast<char>(hex_value(encoded[i + 1]) * 16 + hex_value(encoded[i + 2]));
        i += 2;
      } else {
        target += encoded[i];
      }
    }
    if (const std::size_t colon = target.rfind(':');
        colon != std::string::npos && target.find('/', colon) == std::string::npos) {
      target.resize(colon);  // the ":<hash>" Disqus appends
    }
    // Percent-escapes may decode to bytes that are not UTF-8 (found by fuzz_disqus):
    // then the link stays the redirect Disqus wrote, which is valid text.
    if (!utf8::valid(target)) return std::string(href);
    return target;
  }
  return std::string(href);
}

std::string safe_href(std::string_view original) {
  const std::string h = unwrap_disqus_redirect(original);
  const auto starts = [&h](std::string_view p) {
    if (h.size() < p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (lower(h[i]) != p[i]) return false;
    }
    return true;
  };
  if (!starts("http://") && !starts("https://") && !starts("mailto:")) return "";
  std::string out;
  for (const char c : h) {
    // Characters that would end or break a Markdown link destination.
    if (c == ' ' || c == '(' || c == ')' || c == '<' || c == '>' || c == '\n' || c == '\t') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[(static_cast<unsigned char>(c) >> 4) & 15];
      out += kHex[static_cast<unsigned char>(c) & 15];
    } else {
      out += c;
    }
  }
  return out;
}

class Converter {
 public:
  explicit Converter(HtmlToMarkdownOptions options) : options_(options) { frames_.push_back({}); }

  void run(std::string_view html) {
    std::size_t i = 0;
    while (i < html.size()) {
      // Only "<x" and "</x" start a tag; "a < b" and "<3" are text.
      const bool tag_start = html[i] == '<' && i + 1 < html.size() &&
                             (is_alpha(html[i + 1]) || html[i + 1] == '/' || html[i + 1] == '!');
      if (html[i] == '<' && !tag_start) {
        text(html.substr(i, 1));
        ++i;
        continue;
      }
      if (tag_start) {
        const std::size_t end = html.find('>', i);
        if (end == std::string_view::npos) {
          text(html.substr(i));
          break;
        }
        tag(html.substr(i + 1, end - i - 1));
        i = end + 1;
        continue;
      }
      const std::size_t next = html.find('<', i + 1);
      text(html.substr(i, next == std::string_view::npos ? html.size() - i : next - i));
      i = next == std::string_view::npos ? html.size() : next;
    }
  }

  std::string finish() {
    while (frames_.size() > 1) close_frame();
    std::string out = trim_blank(frames_.back().out);
    return out;
  }

 private:
  enum class Kind { root, link, quote, code, pre, skip };
  struct Frame {
    Kind kind = Kind::root;
    std::string out;
    std::string href;
  };

  static std::string trim_blank(const std::string& s) {
    std::size_t b = 0;
    std::size_t e = s.size();
    while (b < e && (s[b] == '\n' || s[b] == ' ')) ++b;
    while (e > b && (s[e - 1] == '\n' || s[e - 1] == ' ')) --e;
    return s.substr(b, e - b);
  }

  std::string& out() { return frames_.back().out; }
  bool raw() const { return frames_.back().kind == Kind::code || frames_.back().kind == Kind::pre; }
  bool at_line_start() {
    const std::string& o = out();
    return o.empty() || o.back() == '\n';
  }

  void paragraph_break() {
    std::string& o = out();
    while (!o.empty() && o.back() == ' ') o.pop_back();
    if (o.empty()) return;
    while (o.size() < 2 || o[o.size() - 1] != '\n' || o[o.size() - 2] != '\n') o += '\n';
  }

  void line_break() {
    std::string& o = out();
    while (!o.empty() && o.back() == ' ') o.pop_back();
    if (o.empty() || o.back() == '\n') return;
    o += "\\\n";
  }

  void text(std::string_view s) {
    if (frames_.back().kind == Kind::skip) return;
    std::size_t i = 0;
    while (i < s.size()) {
      std::string decoded;
      if (s[i] == '&' && decode_entity(s, i, decoded)) {
        std::size_t j = 0;
        while (j < decoded.size()) put(utf8::decode(decoded, j));
        continue;
      }
      put(utf8::decode(s, i));
    }
  }

  void put(char32_t cp) {
    if (raw()) {
      utf8::append(out(), cp);
      return;
    }
    if (cp == U'\r') return;
    if (cp == U'\n' || cp == U'\t' || cp == U' ') {
      if (cp == U'\n' && options_.newlines_are_breaks) {
        newline();
        return;
      }
      if (!at_line_start() && out().back() != ' ') out() += ' ';
      return;
    }
    pending_newlines_ = 0;
    append_text_char(out(), cp, at_line_start());
  }

  // Typed WordPress text: one newline breaks the line, two start a paragraph.
  void newline() {
    ++pending_newlines_;
    if (pending_newlines_ == 1) {
      line_break();
    } else {
      std::string& o = out();
      if (o.size() >= 2 && o.compare(o.size() - 2, 2, "\\\n") == 0) o.resize(o.size() - 2);
      paragraph_break();
    }
  }

  // Past this many open links, quotes and code spans, further ones are dropped (their
  // text kept): bounds the work on hostile nesting; no real comment nests this deep.
  static constexpr std::size_t kMaxFrames = 16;

  void open(Kind kind, std::string href = {}) {
    if (frames_.size() >= kMaxFrames && kind != Kind::skip) return;
    frames_.push_back({kind, {}, std::move(href)});
  }

  void close_frame() {
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    switch (f.kind) {
      case Kind::link: {
        const std::string label = trim_blank(f.out);
        if (label.empty()) {
          break;
        } else if (f.href.empty()) {
          out() += label;
        } else {
          out() += "[" + label + "](" + f.href + ")";
        }
        break;
      }
      case Kind::quote: {
        paragraph_break();
        const std::string body = trim_blank(f.out);
        std::size_t start = 0;
        while (start <= body.size()) {
          std::size_t nl = body.find('\n', start);
          if (nl == std::string::npos) nl = body.size();
          out() += "> " + body.substr(start, nl - start) + "\n";
          start = nl + 1;
        }
        out() += '\n';
        break;
      }
      case Kind::code: {
        const std::string fence = f.out.find('`') == std::string::npos ? "`" : "`` ";
        const std::string close = fence == "`" ? "`" : " ``";
        std::string body;
        for (const char c : f.out) body += c == '\n' ? ' ' : c;
        if (!body.empty()) out() += fence + body + close;
        break;
      }
      case Kind::pre: {
        paragraph_break();
        out() += "~~~\n" + f.out;
        if (!out().empty() && out().back() != '\n') out() += '\n';
        out() += "~~~\n\n";
        break;
      }
      case Kind::root:
      case Kind::skip:
        break;
    }
  }

  // Closes frames up to and including the innermost one of this kind, if open.
  void close(Kind kind) {
    for (std::size_t i = frames_.size(); i-- > 1;) {
      if (frames_[i].kind == kind) {
        while (frames_.size() > i) close_frame();
        return;
      }
    }
  }

  static std::string attribute(std::string_view tag, std::string_view name) {
    std::string low;
    for (const char c : tag) low += lower(c);
    std::size_t at = 0;
    while ((at = low.find(name, at)) != std::string::npos) {
      const bool word_start = at > 0 && !is_alnum(low[at - 1]) && low[at - 1] != '-';
      std::size_t i = at + name.size();
      while (i < low.size() && low[i] == ' ') ++i;
      if (!word_start || i >= low.size() || low[i] != '=') {
        at += name.size();
        continue;
      }
      ++i;
      while (i < low.size() && low[i] == ' ') ++i;
      if (i >= low.size()) return "";
      const char quote = tag[i];
      std::size_t end;
      if (quote == '"' || quote == '\'') {
        end = tag.find(quote, i + 1);
        if (end == std::string_view::npos) return "";
        std::string raw(tag.substr(i + 1, end - i - 1));
        std::string decoded;
        for (std::size_t k = 0; k < raw.size();) {
          if (raw[k] == '&' && decode_entity(raw, k, decoded)) continue;
          decoded += raw[k++];
        }
        return decoded;
      }
      end = i;
      while (end < tag.size() && tag[end] != ' ' && tag[end] != '/') ++end;
      return std::string(tag.substr(i, end - i));
    }
    return "";
  }

  void tag(std::string_view t) {
    if (t.starts_with('!')) return;  // a comment or declaration: nothing a reader saw
    const bool closing = !t.empty() && t[0] == '/';
    std::size_t i = closing ? 1 : 0;
    std::string name;
    while (i < t.size() && (is_alnum(t[i]))) name += lower(t[i++]);
    if (name.empty()) {
      // Not a tag ("a < b", "<3"): the text as typed.
      text("<");
      text(t);
      text(">");
      return;
    }
    if (frames_.back().kind == Kind::skip) {
      if (closing && (name == "script" || name == "style")) close(Kind::skip);
      return;
    }
    if (name == "script" || name == "style") {
      if (!closing) open(Kind::skip);
    } else if (name == "p" || name == "div") {
      if (!raw()) paragraph_break();
    } else if (name == "br") {
      if (!raw()) line_break();
    } else if (name == "a") {
      if (closing) {
        close(Kind::link);
      } else if (!raw()) {
        open(Kind::link, safe_href(attribute(t, "href")));
      }
    } else if ((name == "em" || name == "i" || name == "strong" || name == "b") && !raw()) {
      const std::string mark = name == "em" || name == "i" ? "*" : "**";
      out() += mark;
    } else if (name == "code" && frames_.back().kind != Kind::pre) {
      if (closing) {
        close(Kind::code);
      } else {
        open(Kind::code);
      }
    } else if (name == "pre") {
      if (closing) {
        close(Kind::pre);
      } else if (!raw()) {
        open(Kind::pre);
      }
    } else if (name == "blockquote" && !raw()) {
      if (closing) {
        close(Kind::quote);
      } else {
        open(Kind::quote);
      }
    } else if (name == "li" && !raw() && !closing) {
      paragraph_break();
      out() += "- ";
    } else if ((name == "ul" || name == "ol") && !raw()) {
      paragraph_break();
    }
  }

  HtmlToMarkdownOptions options_;
  std::vector<Frame> frames_;
  int pending_newlines_ = 0;
};

}  // namespace

std::string html_to_markdown(std::string_view html, HtmlToMarkdownOptions options) {
  Converter c(options);
  c.run(html);
  return c.finish();
}

}  // namespace parley::server::archive
