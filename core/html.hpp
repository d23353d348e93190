// HtmlBuilder: the only way views produce markup. Tag and attribute names come from
// Parley's own code (string literals); every value and every text node is escaped on
// the way in; already-safe fragments (SafeHtml) nest as they are.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "safe_html.hpp"

namespace parley {

struct Attr {
  std::string_view name;
  std::string_view value;
};

class HtmlBuilder {
 public:
  // <tag a="v" ...>; attributes with an empty name are skipped, so callers can make
  // one conditional with a ternary instead of branching the whole call.
  HtmlBuilder& open(std::string_view tag, std::initializer_list<Attr> attrs = {});
  // A boolean attribute (disabled, hidden, checked) can be added to the tag just
  // opened, before any content.
  HtmlBuilder& flag(std::string_view name);
  HtmlBuilder& close(std::string_view tag);
  // A void element: <input ...>, <br>.
  HtmlBuilder& empty(std::string_view tag, std::initializer_list<Attr> attrs = {});
  HtmlBuilder& text(std::string_view text);
  HtmlBuilder& html(const SafeHtml& fragment);
  // open + text + close for the common one-liner.
  HtmlBuilder& element(std::string_view tag, std::initializer_list<Attr> attrs,
                       std::string_view text);
  // <script type="application/json" ...>json</script> for data the page carries to a
  // script (the pre-rendered thread the widget adopts). `json` must be serialised JSON;
  // '<', '>' and '&' (only ever inside JSON strings) are written as \u escapes, which
  // keeps the JSON equal while no "</script" or "<!--" can ever appear in the element.
  HtmlBuilder& json_script(std::initializer_list<Attr> attrs, std::string_view json);
  // <!--name-->: a marker of Parley's own for a consumer of the markup (a literal, like
  // tag names, never data), such as the early fragment's slice marker (view_static.hpp).
  HtmlBuilder& comment(std::string_view name);

  SafeHtml finish() &&;

 private:
  void write_attrs(std::initializer_list<Attr> attrs);
  std::string out_;
  bool tag_open_ = false;  // between "<tag" and ">", where flag() may still append
  void seal();
};

}  // namespace parley
