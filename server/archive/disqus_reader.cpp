#include "archive/disqus_reader.hpp"

#include <unordered_map>

#include "archive/html_to_markdown.hpp"
#include "archive/xml_stream.hpp"

namespace parley::server::archive {
namespace {

struct Thread {
  std::string link;
  std::string title;
};

struct Post {
  int depth = 0;  // 0 when outside a <post>
  std::string id, thread, parent, message, created, name, email, deleted, spam;
  bool message_cut = false;
};

}  // namespace

std::string read_disqus(std::istream& in, const CommentSink& sink) {
  std::unordered_map<std::string, Thread> threads;
  int thread_depth = 0;  // of the top-level <thread> being read, else 0
  std::string thread_id;
  Thread thread;
  Post post;
  std::string failure;

  XmlHandler handler;
  handler.start = [&](const XmlElement& e) {
    if (e.depth != 2 && !(post.depth != 0 && e.depth == post.depth + 1)) return;
    if (e.depth == 2 && e.name == "thread") {
      thread_depth = e.depth;
      thread_id = e.attribute("id");
      thread = Thread{};
    } else if (e.depth == 2 && e.name == "post") {
      post = Post{};
      post.depth = e.depth;
      post.id = e.attribute("id");
    } else if (post.depth != 0 && e.name == "thread") {
      post.thread = e.attribute("id");
    } else if (post.depth != 0 && e.name == "parent") {
      post.parent = e.attribute("id");
    }
  };
  handler.end = [&](const XmlElement& e, std::string_view text, bool cut) {
    if (thread_depth != 0) {
      if (e.depth == thread_depth + 1 && e.name == "link") thread.link = trim(text);
      if (e.depth == thread_depth + 1 && e.name == "title") thread.title = trim(text);
      if (e.depth == thread_depth) {
        thread_depth = 0;
        if (threads.size() >= kMaxDisqusThreads) {
          throw std::length_error("more than " + std::to_string(kMaxDisqusThreads) + " threads");
        }
        threads[thread_id] = std::move(thread);
      }
      return;
    }
    if (post.depth == 0) return;
    if (e.depth == post.depth + 1) {
      if (e.name == "message") {
        post.message = text;
        post.message_cut = cut;
      }
      if (e.name == "createdAt") post.created = trim(text);
      if (e.name == "isDeleted") post.deleted = trim(text);
      if (e.name == "isSpam") post.spam = trim(text);
    } else if (e.depth == post.depth + 2) {
      // <author><name/><email/></author>
      if (e.name == "name") post.name = trim(text);
      if (e.name == "email") post.email = trim(text);
    } else if (e.depth == post.depth) {
      SourceComment out;
      out.key = "disqus:" + post.id;
      if (!post.parent.empty()) out.parent_key = "disqus:" + post.parent;
      out.author = post.name;
      out.email = post.email;
      out.status = post.deleted == "true" ? "deleted" : post.spam == "true" ? "spam" : "approved";
      const auto created = parse_utc_datetime(post.created);
      out.created = created.value_or(0);
      const auto t = threads.find(post.thread);
      if (post.id.empty()) {
        out.problem = "a post without a dsq:id";
      } else if (t == threads.end()) {
        out.problem = "its thread " + post.thread + " is not in the file";
      } else if (!created) {
        out.problem = "no valid createdAt";
      } else if (post.message_cut) {
        out.problem = "the comment text is longer than an import item may be";
      } else {
        out.page = page_from_link(t->second.link);
        out.title = t->second.title;
        out.text = html_to_markdown(post.message);
      }
      post.depth = 0;
      sink(std::move(out));
    }
  };
  try {
    return parse_xml(in, handler);
  } catch (const std::length_error& e) {
    return e.what();
  }
}

}  // namespace parley::server::archive
