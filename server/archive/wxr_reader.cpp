#include "archive/wxr_reader.hpp"

#include "archive/html_to_markdown.hpp"
#include "archive/xml_stream.hpp"

namespace parley::server::archive {
namespace {

// comment_approved: "1", "0", "spam", "trash", "post-trashed".
std::string status_of(std::string_view approved) {
  if (approved == "1") return "approved";
  if (approved == "0") return "pending";
  if (approved == "spam") return "spam";
  return "deleted";
}

struct Item {
  int depth = 0;  // 0 when outside an <item>
  std::string title;
  std::string link;
  std::string post_id;
};

struct Fields {
  int depth = 0;  // 0 when outside a <wp:comment>
  std::string id, parent, author, email, url, date, date_gmt, content, approved, type;
  bool content_cut = false;
};

}  // namespace

std::string read_wxr(std::istream& in, const CommentSink& sink) {
  Item item;
  Fields c;
  XmlHandler handler;
  handler.start = [&](const XmlElement& e) {
    if (e.name == "item" && item.depth == 0) {
      item = Item{e.depth, {}, {}, {}};
    } else if (e.name == "comment" && item.depth != 0 && e.depth == item.depth + 1) {
      c = Fields{};
      c.depth = e.depth;
    }
  };
  handler.end = [&](const XmlElement& e, std::string_view text, bool cut) {
    if (item.depth == 0) return;
    if (e.depth == item.depth + 1) {
      if (e.name == "title") item.title = trim(text);
      if (e.name == "link") item.link = trim(text);
      if (e.name == "post_id") item.post_id = trim(text);
      if (e.name == "comment" && c.depth != 0) {
        SourceComment out;
        out.key = "wxr:" + item.post_id + ":" + c.id;
        if (!c.parent.empty() && c.parent != "0") {
          out.parent_key = "wxr:" + item.post_id + ":" + c.parent;
        }
        out.page = page_from_link(item.link);
        out.title = item.title;
        out.author = c.author;
        out.email = c.email;
        out.website = c.url;
        out.status = status_of(c.approved);
        // Pending comments may have no GMT date yet; their local date is close enough.
        const auto created = parse_utc_datetime(c.date_gmt);
        const auto local = parse_utc_datetime(c.date);
        out.created = created ? *created : local ? *local : 0;
        if (c.id.empty() || item.post_id.empty()) {
          out.problem = "no wp:comment_id or wp:post_id";
        } else if (!created && !local) {
          out.problem = "no valid wp:comment_date_gmt";
        } else if (c.type == "pingback" || c.type == "trackback") {
          out.problem = "a " + c.type + ", not a comment";
        } else if (c.content_cut) {
          out.problem = "the comment text is longer than an import item may be";
        }
        if (out.problem.empty()) {
          out.text = html_to_markdown(c.content, {.newlines_are_breaks = true});
        }
        c.depth = 0;
        sink(std::move(out));
      }
    } else if (c.depth != 0 && e.depth == c.depth + 1) {
      const std::string_view v = e.name == "comment_content" ? text : trim(text);
      if (e.name == "comment_id") c.id = v;
      if (e.name == "comment_parent") c.parent = v;
      if (e.name == "comment_author") c.author = v;
      if (e.name == "comment_author_email") c.email = v;
      if (e.name == "comment_author_url") c.url = v;
      if (e.name == "comment_date") c.date = v;
      if (e.name == "comment_date_gmt") c.date_gmt = v;
      if (e.name == "comment_approved") c.approved = v;
      if (e.name == "comment_type") c.type = v;
      if (e.name == "comment_content") {
        c.content = v;
        c.content_cut = cut;
      }
    }
    if (e.name == "item" && e.depth == item.depth) item.depth = 0;
  };
  return parse_xml(in, handler);
}

}  // namespace parley::server::archive
