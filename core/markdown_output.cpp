#include "markdown_output.hpp"

#include <array>
#include <cassert>
#include <charconv>
#include <utility>

#include "escape.hpp"
#include "utf8.hpp"

namespace parley::markdown::detail {
namespace {

struct TagNames {
  std::string_view open;
  std::string_view close;
};

constexpr std::array<TagNames, 10> kTags = {{
    {"<p>", "</p>"},
    {"<blockquote>", "</blockquote>"},
    {"<ul>", "</ul>"},
    {"<ol>", "</ol>"},
    {"<li>", "</li>"},
    {"<pre>", "</pre>"},
    {"<code>", "</code>"},
    {"<em>", "</em>"},
    {"<strong>", "</strong>"},
    {"<a>", "</a>"},
}};

const TagNames& names(Tag tag) {
  return kTags[static_cast<std::size_t>(tag)];
}

// Every link leaves the page without passing authority or referrer: comment links are
// user content (ugc), must not gain search ranking (nofollow) and must not reach back
// into the host page through window.opener.
constexpr std::string_view kLinkRel = "nofollow ugc noopener noreferrer";

// Blocks (quote and list item) and inline elements each nest at most
// kMaxMarkdownNesting deep; a handful of fixed wrappers (p, ul, pre, code, a) come on
// top, so this is only a reservation, never a bound.
constexpr std::size_t kExpectedOpenTags = 64;

}  // namespace

Output::Output(std::size_t expected_size) {
  html_.reserve(expected_size);
  open_.reserve(kExpectedOpenTags);
}

void Output::start_tag(Tag tag) {
  open_.push_back(tag);
}

void Output::open(Tag tag) {
  assert(tag != Tag::kA);  // links carry attributes: open_link
  html_.append(names(tag).open);
  start_tag(tag);
}

void Output::open_ordered_list(std::uint32_t start) {
  if (start == 1) {
    open(Tag::kOl);
    return;
  }
  char digits[16];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, start);
  assert(ec == std::errc());
  html_.append("<ol start=\"");
  html_.append(digits, end);
  html_.append("\">");
  start_tag(Tag::kOl);
}

void Output::open_code_block(std::string_view language) {
  html_.append("<pre>");
  start_tag(Tag::kPre);
  if (language.empty()) {
    html_.append("<code>");
  } else {
    html_.append("<code class=\"language-");
    append_escaped(html_, language);
    html_.append("\">");
  }
  start_tag(Tag::kCode);
}

void Output::close_code_block() {
  close(Tag::kCode);
  close(Tag::kPre);
}

void Output::open_link(std::string_view href, std::string_view title) {
  html_.append("<a href=\"");
  append_escaped(html_, href);
  html_.push_back('"');
  if (!title.empty()) {
    html_.append(" title=\"");
    append_escaped(html_, title);
    html_.push_back('"');
  }
  html_.append(" rel=\"");
  html_.append(kLinkRel);
  html_.append("\">");
  start_tag(Tag::kA);
}

void Output::close(Tag tag) {
  assert(!open_.empty() && open_.back() == tag);
  if (open_.empty() || open_.back() != tag) return;  // never emit an unbalanced close
  html_.append(names(tag).close);
  open_.pop_back();
}

void Output::text(std::string_view text) {
  append_escaped(html_, text);
}

void Output::text_code_point(char32_t cp) {
  std::string bytes;
  utf8::append(bytes, cp);
  append_escaped(html_, bytes);
}

void Output::thematic_break() {
  html_.append("<hr />\n");
}

void Output::cr() {
  if (!html_.empty() && html_.back() != '\n') html_.push_back('\n');
}

SafeHtml Output::finish() && {
  while (!open_.empty()) close(open_.back());
  return SafeHtml(std::move(html_));
}

}  // namespace parley::markdown::detail
