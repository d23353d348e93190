#include "markdown_html_check.hpp"

#include <array>
#include <vector>

namespace parley::test {
namespace {

constexpr std::array<std::string_view, 10> kContainers = {"p",   "blockquote", "ul", "ol",     "li",
                                                          "pre", "code",       "em", "strong", "a"};
constexpr std::string_view kRel = "nofollow ugc noopener noreferrer";

bool is_container(std::string_view name) {
  for (std::string_view t : kContainers) {
    if (t == name) return true;
  }
  return false;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// Written independently of the renderer's own check, as a second opinion.
bool href_is_safe(std::string_view href) {
  const std::size_t stop = href.find_first_of(":/?#");
  if (stop == std::string_view::npos || href[stop] != ':') return true;
  return starts_with_nocase(href, "http:") || starts_with_nocase(href, "https:") ||
         starts_with_nocase(href, "mailto:");
}

bool valid_entity(std::string_view s) {
  for (std::string_view e : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"}) {
    if (s.substr(0, e.size()) == e) return true;
  }
  return false;
}

// Decodes the five entities the escaper produces.
std::string attribute_value(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '&') {
      out.push_back(raw[i]);
      continue;
    }
    const std::string_view rest = raw.substr(i);
    if (rest.substr(0, 5) == "&amp;")
      out.push_back('&'), i += 4;
    else if (rest.substr(0, 4) == "&lt;")
      out.push_back('<'), i += 3;
    else if (rest.substr(0, 4) == "&gt;")
      out.push_back('>'), i += 3;
    else if (rest.substr(0, 6) == "&quot;")
      out.push_back('"'), i += 5;
    else if (rest.substr(0, 5) == "&#39;")
      out.push_back('\''), i += 4;
  }
  return out;
}

}  // namespace

std::string check_markdown_html(std::string_view html) {
  std::vector<std::string> open;
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '&') {
      if (!valid_entity(html.substr(i))) return "bare & at " + std::to_string(i);
      ++i;
      continue;
    }
    if (c == '>' || c == '"') return std::string("raw ") + c + " in text at " + std::to_string(i);
    if (c != '<') {
      ++i;
      continue;
    }
    const std::size_t end = html.find('>', i);
    if (end == std::string_view::npos) return "unterminated tag at " + std::to_string(i);
    std::string_view tag = html.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag == "br /" || tag == "hr /") continue;
    if (!tag.empty() && tag[0] == '/') {
      const std::string_view name = tag.substr(1);
      if (open.empty() || open.back() != name) {
        return "close </" + std::string(name) + "> does not match " +
               (open.empty() ? std::string("nothing") : "<" + open.back() + ">");
      }
      open.pop_back();
      continue;
    }
    const std::size_t space = tag.find(' ');
    const std::string name(tag.substr(0, space));
    if (!is_container(name)) return "unexpected tag <" + std::string(tag) + ">";
    std::string_view attrs = space == std::string_view::npos ? "" : tag.substr(space);
    bool saw_rel = false;
    while (!attrs.empty()) {
      // Attributes are always ` name="value"` with an escaped value (no raw quote).
      const std::size_t eq = attrs.find("=\"");
      const std::size_t close = attrs.find('"', eq + 2);
      if (attrs[0] != ' ' || eq == std::string_view::npos || close == std::string_view::npos) {
        return "malformed attributes in <" + std::string(tag) + ">";
      }
      const std::string_view attr = attrs.substr(1, eq - 1);
      const std::string value = attribute_value(attrs.substr(eq + 2, close - eq - 2));
      attrs = attrs.substr(close + 1);
      const bool allowed = (name == "a" && (attr == "href" || attr == "title" || attr == "rel")) ||
                           (name == "ol" && attr == "start") || (name == "code" && attr == "class");
      if (!allowed) return "attribute " + std::string(attr) + " on <" + name + ">";
      if (attr == "href" && !href_is_safe(value)) return "unsafe href " + value;
      if (attr == "rel") saw_rel = value == kRel;
      if (attr == "href") {
        for (char ch : value) {
          if (static_cast<unsigned char>(ch) <= ' ') return "raw control/space in href";
        }
      }
    }
    if (name == "a" && !saw_rel) return "link without rel";
    open.push_back(name);
  }
  if (!open.empty()) return "<" + open.back() + "> left open";
  return "";
}

}  // namespace parley::test
