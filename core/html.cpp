#include "html.hpp"

#include <cassert>

#include "escape.hpp"

namespace parley {
namespace {

// Names come from Parley's own literals; this catches a programming error (a name
// built from data) in debug and test builds.
[[maybe_unused]] bool is_plain_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

void HtmlBuilder::seal() {
  if (tag_open_) {
    out_.push_back('>');
    tag_open_ = false;
  }
}

void HtmlBuilder::write_attrs(std::initializer_list<Attr> attrs) {
  for (const Attr& a : attrs) {
    if (a.name.empty()) continue;
    assert(is_plain_name(a.name));
    out_.push_back(' ');
    out_.append(a.name);
    out_.append("=\"");
    append_escaped(out_, a.value);
    out_.push_back('"');
  }
}

HtmlBuilder& HtmlBuilder::open(std::string_view tag, std::initializer_list<Attr> attrs) {
  assert(is_plain_name(tag));
  seal();
  out_.push_back('<');
  out_.append(tag);
  write_attrs(attrs);
  tag_open_ = true;
  return *this;
}

HtmlBuilder& HtmlBuilder::flag(std::string_view name) {
  assert(tag_open_ && is_plain_name(name));
  out_.push_back(' ');
  out_.append(name);
  return *this;
}

HtmlBuilder& HtmlBuilder::close(std::string_view tag) {
  assert(is_plain_name(tag));
  seal();
  out_.append("</");
  out_.append(tag);
  out_.push_back('>');
  return *this;
}

HtmlBuilder& HtmlBuilder::empty(std::string_view tag, std::initializer_list<Attr> attrs) {
  open(tag, attrs);
  return *this;  // sealed by whatever comes next, or by finish()
}

HtmlBuilder& HtmlBuilder::text(std::string_view text) {
  seal();
  append_escaped(out_, text);
  return *this;
}

HtmlBuilder& HtmlBuilder::json_script(std::initializer_list<Attr> attrs, std::string_view json) {
  open("script", {{"type", "application/json"}});
  write_attrs(attrs);
  seal();
  for (const char c : json) {
    if (c == '<') {
      out_.append("\\u003c");
    } else if (c == '>') {
      out_.append("\\u003e");
    } else if (c == '&') {
      out_.append("\\u0026");
    } else {
      out_.push_back(c);
    }
  }
  return close("script");
}

HtmlBuilder& HtmlBuilder::html(const SafeHtml& fragment) {
  seal();
  out_.append(fragment.str());
  return *this;
}

HtmlBuilder& HtmlBuilder::element(std::string_view tag, std::initializer_list<Attr> attrs,
                                  std::string_view text) {
  open(tag, attrs);
  this->text(text);
  return close(tag);
}

HtmlBuilder& HtmlBuilder::comment(std::string_view name) {
  assert(is_plain_name(name));
  seal();
  out_.append("<!--");
  out_.append(name);
  out_.append("-->");
  return *this;
}

SafeHtml HtmlBuilder::finish() && {
  seal();
  return SafeHtml(std::move(out_));
}

}  // namespace parley
