#include "archive/importer.hpp"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "core/limits.hpp"
#include "core/markdown.hpp"
#include "core/validate.hpp"

namespace parley::server::archive {

void Importer::note(const SourceComment& c, const std::string& what) {
  report_(c.key + (c.page.empty() ? "" : " (" + c.page + ")") + ": " + what);
}

void Importer::add(SourceComment c) {
  if (c.key.size() > kMaxSourceKeyChars || c.parent_key.size() > kMaxSourceKeyChars) {
    c.key.resize(std::min(c.key.size(), kMaxSourceKeyChars));
    c.problem = "its key is longer than " + std::to_string(kMaxSourceKeyChars) + " characters";
  }
  if (!c.problem.empty()) {
    ++counts_.skipped;
    note(c, "skipped: " + c.problem);
    return;
  }
  if (const auto existing = store_.find_imported(site_, c.key)) {
    ++counts_.existing;
    release(c.key, *existing);
    return;
  }
  if (c.parent_key.empty()) {
    place_and_release(std::move(c), nullptr);
    return;
  }
  if (const auto parent = store_.find_imported(site_, c.parent_key)) {
    place_and_release(std::move(c), &*parent);
  } else if (waiting_count_ < kMaxWaitingReplies) {
    ++waiting_count_;
    waiting_[c.parent_key].push_back(std::move(c));
  } else {
    note(c, "its parent " + c.parent_key + " was not read yet; imported as a top-level comment");
    place_and_release(std::move(c), nullptr);
  }
}

void Importer::place_and_release(SourceComment c, const ImportedRef* parent) {
  std::string key = c.key;
  if (const auto placed = place(std::move(c), parent)) release(key, *placed);
}

std::optional<ImportedRef> Importer::place(SourceComment c, const ImportedRef* parent) {
  Draft d;
  d.page = std::move(c.page);
  d.title = std::move(c.title);
  d.text = std::move(c.text);
  d.author = std::move(c.author);
  d.email = std::move(c.email);
  d.website = std::move(c.website);
  normalize(d);
  c.page = d.page;
  const bool deleted = c.status == "deleted";
  // A source may lack what a reader must give (an email, a name); only what makes the
  // comment unusable skips it.
  for (const FieldError& e : validate(d)) {
    if (e.field == "email") {
      d.email.clear();
    } else if (e.field == "website") {
      note(c, "website dropped: " + e.message);
      d.website.clear();
    } else if (e.field == "title") {
      d.title.clear();
    } else if (e.field == "author" && e.code == "required") {
      d.author = deleted ? "" : "Anonymous";
    } else if (e.field == "text" && deleted) {
      d.text.clear();
    } else if (e.field != "parent") {
      ++counts_.skipped;
      note(c, "skipped: " + e.message);
      return std::nullopt;
    }
  }
  if (store_.count_page(site_, d.page) >= limits::kMaxThreadComments) {
    ++counts_.skipped;
    note(c, "skipped: the thread has reached its comment limit");
    return std::nullopt;
  }
  if (parent && parent->page != d.page) {
    note(c, "its parent " + c.parent_key + " is on another page; imported as a top-level comment");
    parent = nullptr;
  }
  ImportedComment in;
  in.site = site_;
  in.title = std::move(d.title);
  in.email = std::move(d.email);
  in.status = c.status;
  in.source = c.key;
  Comment& out = in.comment;
  if (parent) {
    // The posting rule: a reply to a comment at the deepest level becomes its sibling.
    const bool too_deep = parent->depth >= limits::kMaxDepth;
    out.parent = too_deep ? parent->parent : parent->id;
    out.depth = too_deep ? parent->depth : parent->depth + 1;
  }
  out.page = d.page;
  out.author = deleted ? "" : std::move(d.author);
  out.website = deleted ? "" : std::move(d.website);
  out.text = deleted ? "" : std::move(d.text);
  out.html = deleted ? "" : markdown::render(out.text).release();
  out.created = c.created;
  if (!deleted) {
    out.provider = std::move(c.provider);
    out.provider_name = std::move(c.provider_name);
    out.avatar = std::move(c.avatar);
    in.subject = std::move(c.subject);
  }
  const std::optional<std::int64_t> id = store_.insert_imported(in);
  if (!id) {
    ++counts_.existing;
    return std::nullopt;
  }
  ++counts_.imported;
  return ImportedRef{*id, out.parent, out.depth, out.page};
}

void Importer::release(const std::string& key, const ImportedRef& ref) {
  // A loop, not recursion: a file listing a long chain of replies backwards must not
  // exhaust the stack.
  std::vector<std::pair<std::string, ImportedRef>> ready{{key, ref}};
  while (!ready.empty()) {
    const std::pair<std::string, ImportedRef> next = std::move(ready.back());
    ready.pop_back();
    const auto it = waiting_.find(next.first);
    if (it == waiting_.end()) continue;
    std::vector<SourceComment> replies = std::move(it->second);
    waiting_.erase(it);
    waiting_count_ -= replies.size();
    for (SourceComment& r : replies) {
      std::string reply_key = r.key;
      if (const auto placed = place(std::move(r), &next.second)) {
        ready.emplace_back(std::move(reply_key), *placed);
      }
    }
  }
}

void Importer::finish() {
  while (!waiting_.empty()) {
    // Start from the replies whose parent is not itself waiting: the roots of what is
    // left (their own replies follow through release). Only a cycle has no root.
    std::unordered_set<std::string> waiting_keys;
    for (const auto& entry : waiting_) {
      for (const SourceComment& r : entry.second) waiting_keys.insert(r.key);
    }
    std::vector<std::string> roots;
    for (const auto& entry : waiting_) {
      if (!waiting_keys.contains(entry.first)) roots.push_back(entry.first);
    }
    if (roots.empty()) roots.push_back(waiting_.begin()->first);
    for (const std::string& root : roots) {
      const auto it = waiting_.find(root);
      if (it == waiting_.end()) continue;
      std::vector<SourceComment> replies = std::move(it->second);
      waiting_.erase(it);
      waiting_count_ -= replies.size();
      for (SourceComment& r : replies) {
        note(r, "its parent " + r.parent_key +
                    " is not in the import; imported as a top-level comment");
        r.parent_key.clear();
        place_and_release(std::move(r), nullptr);
      }
    }
  }
}

}  // namespace parley::server::archive
