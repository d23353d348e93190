#include "archive/isso_reader.hpp"

#include <sqlite3.h>

#include <memory>

namespace parley::server::archive {
namespace {

// Isso's comment modes.
std::string status_of(sqlite3_int64 mode) {
  if (mode == 1) return "approved";
  if (mode == 2) return "pending";
  return "deleted";  // 4
}

std::string column(sqlite3_stmt* st, int i) {
  const unsigned char* text = sqlite3_column_text(st, i);
  return text ? reinterpret_cast<const char*>(text) : "";
}

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct Finalize {
  void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
};

}  // namespace

std::string read_isso(const std::string& path, const CommentSink& sink) {
  sqlite3* raw = nullptr;
  // Read-only and never created: a mistyped path is an error, not an empty database.
  const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  const std::unique_ptr<sqlite3, CloseDb> db(raw);
  if (rc != SQLITE_OK) return "cannot open " + path + ": " + sqlite3_errstr(rc);
  sqlite3_stmt* st_raw = nullptr;
  // Ordered by id: Isso assigns ids in posting order, so parents come first.
  if (sqlite3_prepare_v2(db.get(), R"sql(
      SELECT c.id, c.parent, c.created, c.mode, c.text, c.author, c.email, c.website,
             t.uri, t.title
      FROM comments c JOIN threads t ON t.id = c.tid ORDER BY c.id)sql",
                         -1, &st_raw, nullptr) != SQLITE_OK) {
    return "not an Isso database: " + std::string(sqlite3_errmsg(db.get()));
  }
  const std::unique_ptr<sqlite3_stmt, Finalize> st(st_raw);
  int step;
  while ((step = sqlite3_step(st.get())) == SQLITE_ROW) {
    SourceComment out;
    out.key = "isso:" + column(st.get(), 0);
    if (sqlite3_column_type(st.get(), 1) != SQLITE_NULL)
      out.parent_key = "isso:" + column(st.get(), 1);
    const double created = sqlite3_column_double(st.get(), 2);
    // Beyond year 5000 is not a date Isso wrote.
    out.created = created > 0 && created < 1e11 ? static_cast<std::int64_t>(created) : 0;
    out.status = status_of(sqlite3_column_int64(st.get(), 3));
    out.text = column(st.get(), 4);
    out.author = column(st.get(), 5);
    out.email = column(st.get(), 6);
    out.website = column(st.get(), 7);
    out.page = column(st.get(), 8);
    out.title = column(st.get(), 9);
    if (out.created == 0) out.problem = "no valid creation time";
    sink(std::move(out));
  }
  if (step != SQLITE_DONE) return "reading " + path + ": " + sqlite3_errmsg(db.get());
  return {};
}

}  // namespace parley::server::archive
