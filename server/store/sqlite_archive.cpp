#include "store/sqlite_archive.hpp"

namespace parley::server::sqlite {

Comment comment_from_row(const Statement& st, std::string_view page) {
  Comment c;
  c.id = st.column_int(0);
  c.parent = st.column_int(1);
  c.depth = static_cast<int>(st.column_int(2));
  c.page = std::string(page);
  c.author = st.column_text(3);
  c.website = st.column_text(4);
  c.text = st.column_text(5);
  c.html = st.column_text(6);
  c.created = st.column_int(7);
  c.provider = st.column_text(8);
  c.provider_name = st.column_text(9);
  c.avatar = st.column_text(10);
  return c;
}

ArchiveStatements::ArchiveStatements(Database& db)
    : db_(db),
      find_(db, R"sql(
          SELECT c.id, c.parent, c.depth, t.page
          FROM comment_sources s JOIN comments c ON c.id = s.comment_id
          JOIN threads t ON t.id = c.thread_id
          WHERE s.site = ?1 AND s.source = ?2)sql"),
      find_posted_(db, R"sql(
          SELECT c.id, c.parent, c.depth, t.page FROM comments c JOIN threads t ON t.id = c.thread_id
          WHERE t.site = ?1 AND c.id = ?2 AND c.created = ?3
          AND NOT EXISTS (SELECT 1 FROM comment_sources s WHERE s.comment_id = c.id))sql"),
      // An import never renames a thread that has a title already.
      ensure_thread_(db, R"sql(
          INSERT INTO threads (site, page, title) VALUES (?1, ?2, ?3)
          ON CONFLICT (site, page) DO UPDATE
          SET title = CASE WHEN threads.title = '' THEN excluded.title ELSE threads.title END
          RETURNING id)sql"),
      insert_comment_(db),
      insert_source_(db, R"sql(
          INSERT INTO comment_sources (site, source, comment_id) VALUES (?1, ?2, ?3))sql"),
      threads_(db, R"sql(
          SELECT page, title FROM threads WHERE site = ?1 ORDER BY page)sql"),
      dump_(db, R"sql(
          SELECT c.id, c.parent, c.depth, c.author, c.website, c.text, c.html, c.created,
                 c.provider, c.provider_name, c.avatar, c.email, c.status, coalesce(s.source, ''),
                 c.subject
          FROM comments c JOIN threads t ON t.id = c.thread_id
          LEFT JOIN comment_sources s ON s.comment_id = c.id AND s.site = t.site
          WHERE t.site = ?1 AND t.page = ?2
          ORDER BY c.created, c.id)sql"),
      recent_site_(db, R"sql(
          SELECT c.id, c.parent, c.depth, c.author, c.website, c.text, c.html, c.created,
                 c.provider, c.provider_name, c.avatar, t.page, t.title
          FROM comments c JOIN threads t ON t.id = c.thread_id
          WHERE t.site = ?1 AND c.status = 'approved'
          ORDER BY c.created DESC, c.id DESC LIMIT ?2)sql"),
      recent_page_(db, R"sql(
          SELECT c.id, c.parent, c.depth, c.author, c.website, c.text, c.html, c.created,
                 c.provider, c.provider_name, c.avatar, t.page, t.title
          FROM comments c JOIN threads t ON t.id = c.thread_id
          WHERE t.site = ?1 AND t.page = ?3 AND c.status = 'approved'
          ORDER BY c.created DESC, c.id DESC LIMIT ?2)sql"),
      thread_id_(db, R"sql(SELECT id FROM threads WHERE site = ?1 AND page = ?2)sql"),
      rename_thread_(db, R"sql(UPDATE threads SET page = ?2 WHERE id = ?1)sql"),
      move_comments_(db, R"sql(UPDATE comments SET thread_id = ?2 WHERE thread_id = ?1)sql"),
      count_thread_(db, R"sql(SELECT count(*) FROM comments WHERE thread_id = ?1)sql"),
      delete_thread_(db, R"sql(DELETE FROM threads WHERE id = ?1)sql"),
      // A liker who liked both pages keeps one like of the merged page.
      move_likes_(db, R"sql(
          UPDATE OR IGNORE likes SET page = ?3 WHERE site = ?1 AND page = ?2)sql"),
      delete_likes_(db, R"sql(DELETE FROM likes WHERE site = ?1 AND page = ?2)sql") {}

std::optional<ImportedRef> ArchiveStatements::find_imported(std::string_view site,
                                                            std::string_view source) {
  const auto first_row = [](Statement& st) {
    std::optional<ImportedRef> out;
    if (st.step()) {
      out = ImportedRef{st.column_int(0), st.column_int(1), static_cast<int>(st.column_int(2)),
                        st.column_text(3)};
    }
    st.reset();
    return out;
  };
  // An imported key first (a posted key imported from another installation is one),
  // then a comment posted here.
  if (auto found = first_row(find_.reset().bind(1, site).bind(2, source))) return found;
  const std::optional<PostedKey> posted = parse_posted_key(site, source);
  if (!posted) return std::nullopt;
  return first_row(find_posted_.reset().bind(1, site).bind(2, posted->id).bind(3, posted->created));
}

std::optional<std::int64_t> ArchiveStatements::insert_imported(const ImportedComment& c) {
  Transaction tx(db_);
  if (find_imported(c.site, c.source)) return std::nullopt;
  auto& thread = ensure_thread_.reset().bind(1, c.site).bind(2, c.comment.page).bind(3, c.title);
  thread.step();
  const std::int64_t thread_id = thread.column_int(0);
  thread.reset();
  const std::int64_t id = insert_comment_.run(thread_id, as_new_comment(c));
  insert_source_.reset().bind(1, c.site).bind(2, c.source).bind(3, id).run();
  tx.commit();
  return id;
}

std::vector<ThreadInfo> ArchiveStatements::list_threads(std::string_view site) {
  auto& st = threads_.reset().bind(1, site);
  std::vector<ThreadInfo> out;
  while (st.step()) out.push_back({st.column_text(0), st.column_text(1)});
  st.reset();
  return out;
}

std::vector<StoredComment> ArchiveStatements::dump_page(std::string_view site,
                                                        std::string_view page) {
  auto& st = dump_.reset().bind(1, site).bind(2, page);
  std::vector<StoredComment> out;
  while (st.step()) {
    out.push_back({comment_from_row(st, page), st.column_text(11), st.column_text(12),
                   st.column_text(13), st.column_text(14)});
  }
  st.reset();
  return out;
}

std::vector<FeedEntry> ArchiveStatements::recent(std::string_view site, std::string_view page,
                                                 std::size_t limit) {
  auto& st = page.empty() ? recent_site_.reset().bind(1, site)
                          : recent_page_.reset().bind(1, site).bind(3, page);
  st.bind(2, static_cast<std::int64_t>(limit));
  std::vector<FeedEntry> out;
  while (st.step()) {
    const std::string comment_page = st.column_text(11);
    out.push_back({comment_from_row(st, comment_page), st.column_text(12)});
  }
  st.reset();
  return out;
}

std::int64_t ArchiveStatements::move_thread(std::string_view site, std::string_view from,
                                            std::string_view to) {
  const auto thread_of = [this, site](std::string_view page) -> std::optional<std::int64_t> {
    auto& st = thread_id_.reset().bind(1, site).bind(2, page);
    std::optional<std::int64_t> id;
    if (st.step()) id = st.column_int(0);
    st.reset();
    return id;
  };
  Transaction tx(db_);
  const std::optional<std::int64_t> source = thread_of(from);
  if (!source) return -1;
  auto& count = count_thread_.reset().bind(1, *source);
  count.step();
  const std::int64_t moved = count.column_int(0);
  count.reset();
  if (from == to) return moved;
  if (const std::optional<std::int64_t> target = thread_of(to)) {
    move_comments_.reset().bind(1, *source).bind(2, *target).run();
    delete_thread_.reset().bind(1, *source).run();
  } else {
    rename_thread_.reset().bind(1, *source).bind(2, to).run();
  }
  move_likes_.reset().bind(1, site).bind(2, from).bind(3, to).run();
  delete_likes_.reset().bind(1, site).bind(2, from).run();
  tx.commit();
  return moved;
}

}  // namespace parley::server::sqlite
