// Step 1 of inline parsing: the scanner, code spans, autolinks and link brackets.
#include "markdown_inline.hpp"

#include <algorithm>
#include <array>

#include "escape.hpp"
#include "markdown_chars.hpp"
#include "markdown_entities.hpp"
#include "markdown_links.hpp"
#include "utf8.hpp"

namespace parley::markdown::detail {
namespace {

// Bytes that may start inline syntax; everything else is copied as one text run.
// Letters h/w may start a bare URL ("https://", "www.").
constexpr std::array<bool, 256> make_special() {
  std::array<bool, 256> t{};
  for (char c : std::string_view("\n\\`*_[]!<&hHwW")) t[static_cast<unsigned char>(c)] = true;
  return t;
}
constexpr auto kSpecial = make_special();

bool is_special(char c) {
  return kSpecial[static_cast<unsigned char>(c)];
}

// The code point ending just before s[i] (line start counts as a newline).
char32_t code_point_before(std::string_view s, std::size_t i) {
  if (i == 0) return '\n';
  std::size_t start = i - 1;
  // UTF-8 sequences are at most 4 bytes: step back over up to 3 continuation bytes.
  for (int k = 0; k < 3 && start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80;
       ++k) {
    --start;
  }
  return utf8::decode(s, start);
}

char32_t code_point_at(std::string_view s, std::size_t i) {
  return i < s.size() ? utf8::decode(s, i) : U'\n';
}

}  // namespace

void InlineParser::render(std::string_view text, Output& out, std::size_t& ops) {
  reset(text);
  scan();
  process_emphasis(kNone);
  emit(out);
  ops += ops_ + text.size() + nodes_.size();
}

void InlineParser::reset(std::string_view text) {
  text_ = text;
  ops_ = 0;
  text_begin_ = 0;
  nodes_.clear();
  delimiters_.clear();
  delimiter_top_ = kNone;
  tags_.clear();
  pairs_ = 0;
  brackets_.clear();
  active_brackets_from_ = 0;
  links_.clear();
  link_text_.clear();
  scanned_to_end_ = false;
  std::fill(last_run_at_.begin(), last_run_at_.end(), 0);
}

std::uint32_t InlineParser::push(NodeKind kind, std::size_t begin, std::size_t end) {
  Node node;
  node.kind = kind;
  node.begin = static_cast<std::uint32_t>(begin);
  node.end = static_cast<std::uint32_t>(end);
  nodes_.push_back(node);
  return static_cast<std::uint32_t>(nodes_.size() - 1);
}

void InlineParser::flush_text(std::size_t end) {
  if (end > text_begin_) push(NodeKind::kText, text_begin_, end);
}

void InlineParser::scan() {
  const std::size_t n = text_.size();
  const char* const data = text_.data();  // a local, so the hot loop keeps it in a register
  std::size_t i = 0;
  while (i < n) {
    while (i < n && !is_special(data[i])) ++i;
    if (i == n) break;
    const char c = data[i];
    std::size_t next = i + 1;  // where scanning resumes; text_begin_ moves only if consumed
    bool consumed = true;
    switch (c) {
      case '\n': {
        // Trailing spaces never show; two or more make a hard break.
        std::size_t e = i;
        while (e > text_begin_ && text_[e - 1] == ' ') --e;
        flush_text(e);
        push(i - e >= 2 ? NodeKind::kHardBreak : NodeKind::kSoftBreak, i, i + 1);
        // Indentation of the next line never shows either.
        while (next < n && is_space_or_tab(text_[next])) ++next;
        break;
      }
      case '\\':
        if (i + 1 < n && text_[i + 1] == '\n') {
          flush_text(i);
          push(NodeKind::kHardBreak, i, i + 2);
          next = i + 2;
        } else if (i + 1 < n && is_ascii_punct(text_[i + 1])) {
          flush_text(i);
          push(NodeKind::kEscapedChar, i + 1, i + 2);
          next = i + 2;
        } else {
          consumed = false;
        }
        break;
      case '`':
        next = scan_code_span(i);
        consumed = next != 0;
        if (!consumed) {
          next = i;
          while (next < n && text_[next] == '`') ++next;
        }
        break;
      case '*':
      case '_': {
        std::size_t run = 1;
        while (i + run < n && text_[i + run] == c) ++run;
        flush_text(i);
        push_delimiter(i, run);
        next = i + run;
        break;
      }
      case '!':
        if (i + 1 < n && text_[i + 1] == '[') {
          flush_text(i);
          active_brackets_from_ = std::min(active_brackets_from_, brackets_.size());
          const std::uint32_t node = push(NodeKind::kBracket, i, i + 2);
          nodes_[node].image = true;
          brackets_.push_back({node, delimiter_top_});
          next = i + 2;
        } else {
          consumed = false;
        }
        break;
      case '[': {
        flush_text(i);
        active_brackets_from_ = std::min(active_brackets_from_, brackets_.size());
        brackets_.push_back({push(NodeKind::kBracket, i, i + 1), delimiter_top_});
        break;
      }
      case ']':
        flush_text(i);
        next = close_bracket(i);
        break;
      case '<':
        consumed = try_autolink(i, true);
        if (consumed) next = nodes_.back().end + 1;  // past the '>'
        break;
      case '&': {
        const Entity e = match_entity(text_.substr(i));
        consumed = e.length != 0;
        if (consumed) {
          flush_text(i);
          nodes_[push(NodeKind::kEntity, i, i + e.length)].code_point = e.code_point;
          next = i + e.length;
        }
        break;
      }
      default:  // h, w: a bare URL only at a word boundary
        consumed = at_bare_autolink_boundary(i) && try_autolink(i, false);
        if (consumed) next = nodes_.back().end;
        break;
    }
    if (consumed) text_begin_ = next;
    i = next;
  }
  flush_text(n);
}

std::size_t InlineParser::scan_code_span(std::size_t i) {
  std::size_t run = 0;
  while (i + run < text_.size() && text_[i + run] == '`') ++run;
  const std::size_t closer = find_closing_backticks(i + run, run);
  if (closer == std::string_view::npos) return 0;
  flush_text(i);
  std::size_t begin = i + run;
  std::size_t end = closer;
  // One space (or line ending) on each side is stripped, so "`` `x` ``" shows `x`,
  // unless the content is nothing but spaces.
  const auto is_pad = [](char c) { return c == ' ' || c == '\n'; };
  if (end - begin >= 2 && is_pad(text_[begin]) && is_pad(text_[end - 1])) {
    bool all_pad = true;
    for (std::size_t k = begin; k < end && all_pad; ++k) all_pad = is_pad(text_[k]);
    if (!all_pad) {
      ++begin;
      --end;
    }
  }
  push(NodeKind::kCode, begin, end);
  return closer + run;
}

std::size_t InlineParser::find_closing_backticks(std::size_t from, std::size_t length) {
  if (scanned_to_end_ && (length >= last_run_at_.size() || last_run_at_[length] < from)) {
    return std::string_view::npos;
  }
  std::size_t i = from;
  const std::size_t n = text_.size();
  while (i < n) {
    while (i < n && text_[i] != '`') ++i;
    const std::size_t start = i;
    while (i < n && text_[i] == '`') ++i;
    ops_ += i - from;
    from = i;
    const std::size_t run = i - start;
    if (run == 0) break;
    if (run >= last_run_at_.size()) last_run_at_.resize(run + 1, 0);
    last_run_at_[run] = std::max(last_run_at_[run], static_cast<std::uint32_t>(start));
    if (run == length) return start;
  }
  scanned_to_end_ = true;
  return std::string_view::npos;
}

void InlineParser::push_delimiter(std::size_t i, std::size_t run) {
  const char c = text_[i];
  const char32_t before = code_point_before(text_, i);
  const char32_t after = code_point_at(text_, i + run);
  const bool ws_before = is_unicode_whitespace(before);
  const bool ws_after = is_unicode_whitespace(after);
  const bool punct_before = is_unicode_punct(before);
  const bool punct_after = is_unicode_punct(after);
  const bool left = !ws_after && (!punct_after || ws_before || punct_before);
  const bool right = !ws_before && (!punct_before || ws_after || punct_after);

  Delimiter d;
  d.node = push(NodeKind::kDelimiter, i, i + run);
  nodes_[d.node].delimiter = c;
  d.c = c;
  d.original_length = static_cast<std::uint32_t>(run);
  // "_" must not open or close inside a word (snake_case_names stay as typed).
  d.can_open = c == '*' ? left : left && (!right || punct_before);
  d.can_close = c == '*' ? right : right && (!left || punct_after);
  if (!d.can_open && !d.can_close) return;  // plain text, never matched
  d.prev = delimiter_top_;
  const auto index = static_cast<std::uint32_t>(delimiters_.size());
  if (delimiter_top_ != kNone) delimiters_[delimiter_top_].next = index;
  delimiters_.push_back(d);
  delimiter_top_ = index;
}

std::size_t InlineParser::close_bracket(std::size_t i) {
  const auto literal = [&] {
    push(NodeKind::kText, i, i + 1);
    return i + 1;
  };
  if (brackets_.empty()) return literal();
  const Bracket opener = brackets_.back();
  brackets_.pop_back();
  // Links do not contain links: once one closes, every bracket still open is inert.
  if (brackets_.size() < active_brackets_from_) return literal();

  const LinkTail tail = parse_link_tail(text_.substr(i + 1), ops_);
  if (tail.length == 0) return literal();

  Link link;
  link.href_begin = static_cast<std::uint32_t>(link_text_.size());
  const bool safe = append_href(link_text_, tail.destination);
  link.href_end = static_cast<std::uint32_t>(link_text_.size());
  link.title_begin = link.href_end;
  append_unescaped(link_text_, tail.title);
  link.title_end = static_cast<std::uint32_t>(link_text_.size());
  links_.push_back(link);

  Node& open = nodes_[opener.node];
  open.kind = safe ? NodeKind::kLinkOpen : NodeKind::kHidden;
  open.link = static_cast<std::uint32_t>(links_.size() - 1);
  push(safe ? NodeKind::kLinkClose : NodeKind::kHidden, i, i + 1 + tail.length);

  process_emphasis(opener.delimiter_bottom);
  active_brackets_from_ = brackets_.size();
  return i + 1 + tail.length;
}

bool InlineParser::at_bare_autolink_boundary(std::size_t i) const {
  if (i == 0) return true;
  const char before = text_[i - 1];
  return before == ' ' || before == '\t' || before == '\n' || before == '*' || before == '_' ||
         before == '~' || before == '(';
}

bool InlineParser::try_autolink(std::size_t i, bool angle) {
  const std::string_view rest = text_.substr(i);
  const Autolink a = angle ? match_angle_autolink(rest, ops_) : match_bare_autolink(rest, ops_);
  if (a.kind == AutolinkKind::kNone) return false;
  flush_text(i);
  Link link;
  link.href_begin = static_cast<std::uint32_t>(link_text_.size());
  if (a.kind == AutolinkKind::kEmail) link_text_.append("mailto:");
  if (a.kind == AutolinkKind::kWww) link_text_.append("http://");
  // Autolinks take their target literally (no escapes or entities), and the bare and
  // angle forms only match allowed schemes, so this cannot be refused.
  append_url_encoded(link_text_, a.target);
  link.href_end = static_cast<std::uint32_t>(link_text_.size());
  link.title_begin = link.title_end = link.href_end;
  links_.push_back(link);
  const std::size_t text_begin = angle ? i + 1 : i;
  const std::uint32_t node = push(NodeKind::kAutolink, text_begin, text_begin + a.target.size());
  nodes_[node].link = static_cast<std::uint32_t>(links_.size() - 1);
  return true;
}

}  // namespace parley::markdown::detail
