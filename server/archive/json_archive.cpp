#include "archive/json_archive.hpp"

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace parley::server::archive {
namespace {

using nlohmann::json;

// The key a comment has in an export: its source key, or one naming it in this site.
std::string key_of(const StoredComment& c, std::string_view site) {
  if (!c.source.empty()) return c.source;
  return posted_key(site, c.comment.id, c.comment.created);
}

json thread_json(Store& store, std::string_view site, const ThreadInfo& thread) {
  const std::vector<StoredComment> comments = store.dump_page(site, thread.page);
  std::unordered_map<std::int64_t, std::string> keys;
  for (const StoredComment& c : comments) keys[c.comment.id] = key_of(c, site);
  std::unordered_map<std::int64_t, std::size_t> likes;
  for (const auto& [id, n] : store.comment_like_counts(site, thread.page)) likes[id] = n;

  json list = json::array();
  for (const StoredComment& c : comments) {
    const Comment& m = c.comment;
    const auto parent = keys.find(m.parent);
    list.push_back({{"id", m.id},
                    {"key", keys[m.id]},
                    {"parent", m.parent},
                    {"parent_key", parent == keys.end() ? "" : parent->second},
                    {"status", c.status},
                    {"author", m.author},
                    {"email", c.email},
                    {"website", m.website},
                    {"created", m.created},
                    {"text", m.text},
                    {"likes", likes[m.id]}});
    // A logged-in author's identity, so that a re-import keeps who wrote it (their
    // login still names them as the author, docs/import-export.md).
    if (!m.provider.empty()) {
      json& item = list.back();
      item["provider"] = m.provider;
      item["provider_name"] = m.provider_name;
      item["subject"] = c.subject;
      item["avatar"] = m.avatar;
    }
  }
  const std::vector<std::size_t> page_likes = store.count_page_likes(site, {thread.page});
  return {{"page", thread.page},
          {"title", thread.title},
          {"likes", page_likes.empty() ? 0 : page_likes.front()},
          {"comments", std::move(list)}};
}

std::string string_member(const json& j, const char* name) {
  const auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

void write_json_archive(Store& store, std::string_view site, std::int64_t now, std::ostream& out) {
  // Written a thread at a time, so memory holds one thread, not the site.
  out << R"({"format":"parley-export","version":)" << kJsonArchiveVersion << R"(,"site":)"
      << json(site).dump() << R"(,"exported":)" << now << R"(,"threads":[)";
  bool first = true;
  for (const ThreadInfo& thread : store.list_threads(site)) {
    out << (first ? "\n" : ",\n") << thread_json(store, site, thread).dump();
    first = false;
  }
  out << "\n]}\n";
}

std::string read_json_archive(std::istream& in, const CommentSink& sink) {
  std::string text;
  text.reserve(64 * 1024);
  char buffer[64 * 1024];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxJsonArchiveBytes) return "the file is larger than 1 GiB";
  }
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) return "not valid JSON";
  if (!doc.is_object() || string_member(doc, "format") != "parley-export") {
    return "not a Parley export (\"format\" is not \"parley-export\")";
  }
  const auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_integer() ||
      version->get<int>() != kJsonArchiveVersion) {
    return "an export version this parleyd does not read";
  }
  const auto threads = doc.find("threads");
  if (threads == doc.end() || !threads->is_array()) return "no \"threads\" array";
  for (const json& thread : *threads) {
    if (!thread.is_object()) return "a thread that is not an object";
    const auto comments = thread.find("comments");
    if (comments == thread.end() || !comments->is_array()) continue;
    for (const json& c : *comments) {
      SourceComment out;
      out.page = string_member(thread, "page");
      out.title = string_member(thread, "title");
      if (!c.is_object()) {
        out.problem = "a comment that is not an object";
        sink(std::move(out));
        continue;
      }
      out.key = string_member(c, "key");
      out.parent_key = string_member(c, "parent_key");
      out.status = string_member(c, "status");
      out.author = string_member(c, "author");
      out.email = string_member(c, "email");
      out.website = string_member(c, "website");
      out.text = string_member(c, "text");
      out.provider = string_member(c, "provider");
      out.provider_name = string_member(c, "provider_name");
      out.subject = string_member(c, "subject");
      out.avatar = string_member(c, "avatar");
      const auto created = c.find("created");
      if (created != c.end() && created->is_number_integer()) {
        out.created = created->get<std::int64_t>();
      }
      if (out.key.empty()) {
        out.problem = "no \"key\"";
      } else if (std::find(std::begin(kStatuses), std::end(kStatuses), out.status) ==
                 std::end(kStatuses)) {
        out.problem = "an unknown status \"" + out.status + "\"";
      } else if (out.created <= 0) {
        out.problem = "no valid \"created\"";
      }
      sink(std::move(out));
    }
  }
  return {};
}

}  // namespace parley::server::archive
