// Puts SourceComments into a site: the same validation and Markdown rendering as a
// posted comment, threading mapped through source keys, and idempotent (a key the
// site already has is skipped). Per-item problems are reported and the import goes on.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "archive/source_comment.hpp"
#include "store/store.hpp"

namespace parley::server::archive {

// Replies whose parent has not been read yet wait in memory; an export lists parents
// first (WordPress and Isso by id, Disqus mostly), so few ever wait. Past this many,
// a reply is imported as a top-level comment at once, which bounds memory.
inline constexpr std::size_t kMaxWaitingReplies = 100000;

// Source keys are ids from other systems ("disqus:1234567890"); a longer one is not a key.
inline constexpr std::size_t kMaxSourceKeyChars = 256;

struct ImportCounts {
  std::size_t imported = 0;
  std::size_t existing = 0;  // already in the site (an earlier import)
  std::size_t skipped = 0;   // reported, not imported
};

class Importer {
 public:
  using Report = std::function<void(const std::string&)>;
  Importer(Store& store, std::string site, Report report)
      : store_(store), site_(std::move(site)), report_(std::move(report)) {}

  void add(SourceComment c);
  // Imports the replies whose parent never came, as top-level comments.
  void finish();
  const ImportCounts& counts() const { return counts_; }

 private:
  // Stores one comment; returns where it went, or nullopt when it was not stored.
  std::optional<ImportedRef> place(SourceComment c, const ImportedRef* parent);
  void place_and_release(SourceComment c, const ImportedRef* parent);
  void release(const std::string& key, const ImportedRef& ref);
  void note(const SourceComment& c, const std::string& what);

  Store& store_;
  std::string site_;
  Report report_;
  ImportCounts counts_;
  std::unordered_map<std::string, std::vector<SourceComment>> waiting_;
  std::size_t waiting_count_ = 0;
};

}  // namespace parley::server::archive
