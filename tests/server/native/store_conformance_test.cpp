// The Store contract, checked against every engine (SQLite today; a PostgreSQL engine
// joins by adding itself to kEngines).
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "store/sqlite_db.hpp"
#include "store/sqlite_schema.hpp"
#include "store/sqlite_store.hpp"

namespace fs = std::filesystem;
using namespace parley;
using namespace parley::server;

namespace {

// A fresh database file per test, removed afterwards.
struct TempDb {
  fs::path dir = fs::temp_directory_path() /
                 ("parley-store-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
  fs::path file = dir / "test.db";
  TempDb() { fs::create_directories(dir); }
  ~TempDb() { fs::remove_all(dir); }
};

NewComment make(std::string page, std::int64_t created, std::string author = "Ana",
                std::string site = "demo") {
  NewComment n;
  n.site = std::move(site);
  n.title = "Title";
  n.email = "ana@example.org";
  n.comment.page = std::move(page);
  n.comment.author = std::move(author);
  n.comment.text = "text";
  n.comment.html = "<p>text</p>";
  n.comment.created = created;
  return n;
}

using Engine = std::function<std::unique_ptr<Store>(const fs::path&)>;

const std::pair<const char*, Engine> kEngines[] = {
    {"sqlite", [](const fs::path& p) { return std::make_unique<SqliteStore>(p.string()); }},
};

}  // namespace

TEST_CASE("Store conformance") {
  for (const auto& [name, open] : kEngines) {
    CAPTURE(name);
    TempDb db;
    auto store = open(db.file);

    SUBCASE("an unknown page is empty") {
      CHECK(store->list_page("demo", "/none/").empty());
      CHECK(store->count_page("demo", "/none/") == 0);
    }

    SUBCASE("insert assigns increasing ids and returns what was stored") {
      NewComment n = make("/a/", 100);
      n.comment.parent = 0;
      n.comment.depth = 0;
      n.comment.website = "https://ana.example";
      const Comment first = store->insert(n);
      const Comment second = store->insert(make("/a/", 101));
      CHECK(first.id > 0);
      CHECK(second.id > first.id);
      const auto listed = store->list_page("demo", "/a/");
      REQUIRE(listed.size() == 2);
      CHECK(listed[0].id == first.id);
      CHECK(listed[0].author == "Ana");
      CHECK(listed[0].website == "https://ana.example");
      CHECK(listed[0].html == "<p>text</p>");
      CHECK(listed[0].text == "text");
      CHECK(listed[0].page == "/a/");
      CHECK(listed[0].created == 100);
    }

    SUBCASE("lists oldest first, ties broken by id") {
      const Comment late = store->insert(make("/a/", 300, "late"));
      const Comment early = store->insert(make("/a/", 100, "early"));
      const Comment tie = store->insert(make("/a/", 300, "tie"));
      const auto listed = store->list_page("demo", "/a/");
      REQUIRE(listed.size() == 3);
      CHECK(listed[0].id == early.id);
      CHECK(listed[1].id == late.id);
      CHECK(listed[2].id == tie.id);
    }

    SUBCASE("keeps parent and depth") {
      const Comment root = store->insert(make("/a/", 1));
      NewComment reply = make("/a/", 2);
      reply.comment.parent = root.id;
      reply.comment.depth = 1;
      store->insert(reply);
      const auto listed = store->list_page("demo", "/a/");
      REQUIRE(listed.size() == 2);
      CHECK(listed[1].parent == root.id);
      CHECK(listed[1].depth == 1);
    }

    SUBCASE("sites and pages are separate") {
      store->insert(make("/a/", 1, "Ana", "one"));
      store->insert(make("/a/", 1, "Bo", "two"));
      store->insert(make("/b/", 1, "Cy", "one"));
      CHECK(store->list_page("one", "/a/").size() == 1);
      CHECK(store->list_page("one", "/a/")[0].author == "Ana");
      CHECK(store->list_page("two", "/a/")[0].author == "Bo");
      CHECK(store->count_pages("one", {"/b/", "/a/", "/zzz/"}) ==
            std::vector<std::size_t>{1, 1, 0});
    }

    SUBCASE("text is stored byte for byte") {
      NewComment n = make("/ünï/", 1);
      n.comment.text = std::string("quote ' double \" nul-free \xF0\x9F\x98\x80 ;DROP TABLE");
      store->insert(n);
      CHECK(store->list_page("demo", "/ünï/")[0].text == n.comment.text);
    }

    SUBCASE("survives reopening") {
      store->insert(make("/a/", 1));
      store.reset();
      auto reopened = open(db.file);
      CHECK(reopened->count_page("demo", "/a/") == 1);
    }
  }
}

TEST_CASE("SQLite schema: migrated at open, newer schemas refused") {
  TempDb db;
  { SqliteStore store(db.file.string()); }
  {
    sqlite::Database raw(db.file.string());
    CHECK(raw.user_version() == sqlite::schema_version());
    raw.exec(("PRAGMA user_version = " + std::to_string(sqlite::schema_version() + 1)).c_str());
  }
  CHECK_THROWS_AS(SqliteStore(db.file.string()), sqlite::Error);
}

TEST_CASE("SQLite keeps the email, which the public model does not carry") {
  TempDb db;
  {
    SqliteStore store(db.file.string());
    store.insert(make("/a/", 1));
  }
  sqlite::Database raw(db.file.string());
  sqlite::Statement st(raw, "SELECT email FROM comments");
  REQUIRE(st.step());
  CHECK(st.column_text(0) == "ana@example.org");
}
