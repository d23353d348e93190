#include <doctest/doctest.h>

#include "core/escape.hpp"
#include "core/html.hpp"

using parley::escape_html;

TEST_CASE("escape_html maps the five HTML-significant characters and nothing else") {
  CHECK(escape_html("plain text, ünïcode ✓") == "plain text, ünïcode ✓");
  CHECK(escape_html("<script>alert(\"x\")</script>") ==
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  CHECK(escape_html("a & b ' c") == "a &amp; b &#39; c");
  CHECK(escape_html("&amp;") == "&amp;amp;");  // never "already escaped" guessing
  CHECK(escape_html("") == "");
}

TEST_CASE("append_url_encoded keeps URL punctuation and encodes the rest") {
  std::string out;
  parley::append_url_encoded(out, "https://ex.com/a b?q=\"x\"&r=<1>#é");
  CHECK(out == "https://ex.com/a%20b?q=%22x%22&r=%3C1%3E#%C3%A9");
  out.clear();
  parley::append_url_encoded(out, "/already%20encoded");
  CHECK(out == "/already%20encoded");
}

TEST_CASE("HtmlBuilder escapes text and attribute values by construction") {
  parley::HtmlBuilder b;
  b.open("a", {{"href", "https://x.test/?a=1&b=\"2\""}, {"", "skipped"}, {"class", "parley-x"}})
      .text("<b>bold</b>")
      .close("a")
      .empty("input", {{"type", "checkbox"}})
      .flag("checked")
      .element("span", {{"title", "it's"}}, "a > b");
  const parley::SafeHtml html = std::move(b).finish();
  CHECK(html.str() ==
        "<a href=\"https://x.test/?a=1&amp;b=&quot;2&quot;\" class=\"parley-x\">"
        "&lt;b&gt;bold&lt;/b&gt;</a><input type=\"checkbox\" checked>"
        "<span title=\"it&#39;s\">a &gt; b</span>");
}

TEST_CASE("HtmlBuilder nests SafeHtml fragments unchanged") {
  parley::HtmlBuilder inner;
  inner.element("em", {}, "x");
  const parley::SafeHtml frag = std::move(inner).finish();
  parley::HtmlBuilder outer;
  outer.open("p").html(frag).close("p");
  CHECK(std::move(outer).finish().str() == "<p><em>x</em></p>");
}
