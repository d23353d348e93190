#include <doctest/doctest.h>

#include <utility>

#include "core/dates.hpp"
#include "core/limits.hpp"
#include "core/thread.hpp"

using parley::Comment;

namespace {

Comment row(std::int64_t id, std::int64_t parent, std::int64_t created) {
  Comment c;
  c.id = id;
  c.parent = parent;
  c.created = created;
  c.author = "a" + std::to_string(id);
  return c;
}

std::vector<std::int64_t> ids(const parley::Thread& t, const std::vector<std::size_t>& idx) {
  std::vector<std::int64_t> out;
  for (auto i : idx) out.push_back(t.comments[i].id);
  return out;
}

}  // namespace

TEST_CASE("flat rows become a tree, oldest first at every level") {
  const auto t = parley::build_thread(
      {row(4, 1, 400), row(1, 0, 100), row(3, 0, 300), row(2, 1, 200), row(5, 2, 500)});
  CHECK(ids(t, t.roots) == std::vector<std::int64_t>{1, 3});
  CHECK(ids(t, t.children[t.find(1)]) == std::vector<std::int64_t>{2, 4});
  CHECK(ids(t, t.children[t.find(2)]) == std::vector<std::int64_t>{5});
  CHECK(t.depth[t.find(5)] == 2);
}

TEST_CASE("ties in time are ordered by id; orphans are kept at the top level") {
  const auto t = parley::build_thread({row(9, 0, 100), row(8, 0, 100), row(7, 42, 50)});
  CHECK(ids(t, t.roots) == std::vector<std::int64_t>{7, 8, 9});
}

TEST_CASE("pinned comments lead the top level, oldest pinned first; replies keep their order") {
  std::vector<Comment> rows{row(1, 0, 100), row(2, 0, 200), row(3, 1, 300), row(4, 0, 400),
                            row(5, 1, 500)};
  rows[3].pinned = true;  // 4
  rows[1].pinned = true;  // 2
  rows[4].pinned = true;  // 5, a reply: stays under its parent
  const auto t = parley::build_thread(rows);
  CHECK(ids(t, t.roots) == std::vector<std::int64_t>{2, 4, 1});
  CHECK(ids(t, t.children[t.find(1)]) == std::vector<std::int64_t>{3, 5});
}

TEST_CASE("visual depth is capped and replies at the cap become siblings") {
  std::vector<Comment> rows;
  for (std::int64_t i = 1; i <= 10; ++i) rows.push_back(row(i, i - 1, i * 10));
  const auto t = parley::build_thread(rows);
  CHECK(t.depth[t.find(10)] == parley::limits::kMaxDepth);
  const std::int64_t at_cap = parley::limits::kMaxDepth + 1;  // ids start at 1
  CHECK(parley::reply_parent_for(t, at_cap) == at_cap - 1);
  CHECK(parley::reply_parent_for(t, 2) == 2);
}

TEST_CASE("add_to_thread places a new reply under its parent") {
  auto t = parley::build_thread({row(1, 0, 100)});
  parley::add_to_thread(t, row(2, 1, 200));
  parley::add_to_thread(t, row(3, 0, 300));
  CHECK(ids(t, t.roots) == std::vector<std::int64_t>{1, 3});
  CHECK(ids(t, t.children[0]) == std::vector<std::int64_t>{2});
  CHECK(t.depth[1] == 1);
}

TEST_CASE("a large thread builds in one pass") {
  std::vector<Comment> rows;
  for (std::int64_t i = 1; i <= 5000; ++i) rows.push_back(row(i, i > 1 ? (i / 2) : 0, i));
  const auto t = parley::build_thread(std::move(rows));
  CHECK(t.roots.size() == 1);
  CHECK(t.children[t.find(1)].size() == 2);  // ids 2 and 3
}

TEST_CASE("dates") {
  CHECK(parley::iso8601_utc(0) == "1970-01-01T00:00:00Z");
  CHECK(parley::iso8601_utc(1764477923) == "2025-11-30T04:45:23Z");
  CHECK(parley::iso8601_utc(951782400) == "2000-02-29T00:00:00Z");
  CHECK(parley::long_date_utc(1248998400) == "July 31, 2009");
  CHECK(parley::relative_time(1000, 1000) == "just now");
  CHECK(parley::relative_time(1000, 2000) == "just now");  // clock skew
  CHECK(parley::relative_time(1000, 1000 - 60) == "a minute ago");
  CHECK(parley::relative_time(100000, 100000 - 3 * 3600) == "3 hours ago");
  CHECK(parley::relative_time(100000, 100000 - 3600) == "an hour ago");
  CHECK(parley::relative_time(10000000, 10000000 - 2 * 86400) == "2 days ago");
  CHECK(parley::relative_time(100000000, 100000000 - 400 * 86400) == "a year ago");
}

TEST_CASE("iso8601_utc writes what snprintf's %04lld-%02u-%02uT%02lld:%02lld:%02lldZ wrote") {
  // core/dates.cpp writes the digits itself (printf is 6 KB of the widget's wasm); these
  // are the old snprintf's answers, edges of the padding and the sign included.
  const std::pair<std::int64_t, const char*> cases[] = {{0, "1970-01-01T00:00:00Z"},
                                                        {-1, "1969-12-31T23:59:59Z"},
                                                        {86399, "1970-01-01T23:59:59Z"},
                                                        {253402300799, "9999-12-31T23:59:59Z"},
                                                        {253402300800, "10000-01-01T00:00:00Z"},
                                                        {-62135596800, "0001-01-01T00:00:00Z"},
                                                        {-62167219200, "0000-01-01T00:00:00Z"},
                                                        {-62167219201, "-001-12-31T23:59:59Z"},
                                                        {-62198755200, "-001-01-01T00:00:00Z"},
                                                        {-99999999999, "-1199-02-15T14:13:21Z"},
                                                        {-9999999999999, "-314918-08-13T06:13:21Z"},
                                                        {9999999999999, "318857-05-20T17:46:39Z"}};
  for (const auto& c : cases) CHECK(parley::iso8601_utc(c.first) == c.second);
}

TEST_CASE("slice_end cuts a thread into whole subtrees of about n comments") {
  // Roots 1..4; 1 has two replies (one nested), 3 has one: subtrees of 3, 1, 2, 1.
  const parley::Thread t =
      parley::build_thread({row(1, 0, 1), row(2, 0, 2), row(3, 0, 3), row(4, 0, 4), row(5, 1, 5),
                            row(6, 5, 6), row(7, 3, 7)});
  REQUIRE(t.roots.size() == 4);
  // 3 comments reach n = 2: a subtree is never split, so the slice ends after root 1.
  CHECK(parley::slice_end(t, 0, 4, 2) == 1);
  CHECK(parley::slice_end(t, 0, 4, 3) == 1);
  CHECK(parley::slice_end(t, 0, 4, 4) == 2);
  CHECK(parley::slice_end(t, 1, 4, 2) == 3);  // 1 + 2 comments
  // At least one subtree, however small n is (> 0); never past last_root or the roots.
  CHECK(parley::slice_end(t, 0, 4, 1) == 1);
  CHECK(parley::slice_end(t, 2, 4, 1) == 3);
  CHECK(parley::slice_end(t, 0, 2, 100) == 2);
  CHECK(parley::slice_end(t, 0, 99, 100) == 4);
  CHECK(parley::slice_end(t, 4, 4, 100) == 4);
}
