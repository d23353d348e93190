#include "api/atom_feed.hpp"

#include "core/dates.hpp"
#include "core/escape.hpp"
#include "core/view_keys.hpp"

namespace parley::server {
namespace {

void element(std::string& out, std::string_view name, std::string_view text) {
  out += '<';
  out += name;
  out += '>';
  append_escaped(out, text);
  out += "</";
  out += name;
  out += ">\n";
}

void link(std::string& out, std::string_view rel, std::string_view href) {
  out += R"(<link rel=")";
  out += rel;
  out += R"(" href=")";
  append_escaped(out, href);
  out += "\"/>\n";
}

// The page a comment is on, as a link: relative page keys only make sense with the
// site's public origin in front.
std::string page_url(std::string_view base_url, std::string_view page) {
  if (!page.starts_with('/')) return std::string(page);
  return std::string(base_url) + std::string(page);
}

}  // namespace

std::string atom_feed(const FeedInfo& feed, const std::vector<FeedEntry>& entries) {
  std::string out = R"(<?xml version="1.0" encoding="utf-8"?>)"
                    "\n"
                    R"(<feed xmlns="http://www.w3.org/2005/Atom">)"
                    "\n";
  element(out, "id", feed.id);
  element(out, "title", feed.title);
  element(out, "updated",
          iso8601_utc(entries.empty() ? feed.now : entries.front().comment.created));
  link(out, "self", feed.self);
  element(out, "generator", "Parley");
  for (const FeedEntry& e : entries) {
    const Comment& c = e.comment;
    const std::string author = c.author.empty() ? "Anonymous" : c.author;
    out += "<entry>\n";
    element(out, "id", "urn:parley:" + feed.site + ":comment:" + std::to_string(c.id));
    element(out, "title", author + " on " + (e.title.empty() ? c.page : e.title));
    element(out, "updated", iso8601_utc(c.created));
    element(out, "published", iso8601_utc(c.created));
    out += "<author>";
    element(out, "name", author);
    if (!c.website.empty()) element(out, "uri", c.website);
    out += "</author>\n";
    if (!feed.base_url.empty() || !c.page.starts_with('/')) {
      link(out, "alternate", page_url(feed.base_url, c.page) + "#" + view::keys::comment_id(c.id));
    }
    out += R"(<content type="html">)";
    append_escaped(out, c.html);
    out += "</content>\n</entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace parley::server
