// The SQLite engine of the Store interface: one connection, WAL mode, statements
// prepared once at open. Not thread-safe; parleyd runs one io_context thread.
#pragma once

#include <memory>
#include <string>

#include "store/store.hpp"

namespace parley::server {

class SqliteStore final : public Store {
 public:
  // Opens (creating if needed) the database file and migrates it to the current schema.
  explicit SqliteStore(const std::string& path);
  ~SqliteStore() override;

  std::vector<Comment> list_page(std::string_view site, std::string_view page) override;
  std::size_t count_page(std::string_view site, std::string_view page) override;
  std::vector<std::size_t> count_pages(std::string_view site,
                                       const std::vector<std::string>& pages) override;
  Comment insert(const NewComment& c) override;

  bool add_like(const NewLike& like) override;
  bool remove_like(const LikeTarget& target, std::string_view liker) override;
  std::size_t count_likes_from(const LikeTarget& target, std::string_view ip_hash) override;
  LikeSummary like_summary(const LikeTarget& target, std::string_view liker,
                           std::size_t recent) override;
  std::vector<std::pair<std::int64_t, std::size_t>> comment_like_counts(
      std::string_view site, std::string_view page) override;
  std::vector<std::int64_t> comments_liked_by(std::string_view site, std::string_view page,
                                              std::string_view liker) override;
  std::vector<std::size_t> count_page_likes(std::string_view site,
                                            const std::vector<std::string>& pages) override;
  void add_share_click(std::string_view site, std::string_view page,
                       std::string_view target) override;
  std::vector<ShareClicks> share_clicks(std::string_view site, std::string_view page) override;

  std::uint64_t data_version() override;

  std::optional<ImportedRef> find_imported(std::string_view site, std::string_view source) override;
  std::optional<std::int64_t> insert_imported(const ImportedComment& c) override;
  std::vector<ThreadInfo> list_threads(std::string_view site) override;
  std::vector<StoredComment> dump_page(std::string_view site, std::string_view page) override;
  std::vector<FeedEntry> recent_comments(std::string_view site, std::string_view page,
                                         std::size_t limit) override;
  std::int64_t move_thread(std::string_view site, std::string_view from,
                           std::string_view to) override;
  std::optional<AuthoredComment> find_comment(std::string_view site, std::int64_t id) override;
  bool update_comment(std::string_view site, std::int64_t id, std::string_view text,
                      std::string_view html) override;
  bool delete_comment(std::string_view site, std::int64_t id) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::server
