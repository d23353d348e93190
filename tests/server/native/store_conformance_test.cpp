// The Store contract, checked against every engine in kEngines: SQLite, and PostgreSQL
// on the cluster named by $PARLEY_PG (scripts/test.sh starts a throwaway one through
// tests/support/postgres.mjs). Without $PARLEY_PG the PostgreSQL cases fail: they are
// part of the contract, not optional.
#include <doctest/doctest.h>

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "notify/outbox_store.hpp"
#include "privacy/privacy_store.hpp"
#include "store/pg_db.hpp"
#include "store/pg_schema.hpp"
#include "store/pg_store.hpp"
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

// A fresh, empty PostgreSQL database per test, dropped afterwards. $PARLEY_PG is a
// postgresql:// URI of the maintenance database ("postgres"); ours replaces its path.
struct TempPgDb {
  static inline std::atomic<int> counter{0};
  std::string admin;
  std::string name =
      "parley_conformance_" + std::to_string(getpid()) + "_" + std::to_string(counter.fetch_add(1));
  std::string url;

  TempPgDb() {
    const char* env = std::getenv("PARLEY_PG");
    if (!env || !*env) {
      FAIL(
          "PARLEY_PG is not set: run through scripts/test.sh, or "
          "node tests/support/postgres.mjs ctest --test-dir <build>");
    }
    admin = env;
    const auto slash = admin.find("/postgres?");
    REQUIRE_MESSAGE(slash != std::string::npos, "PARLEY_PG must be postgresql:///postgres?...");
    url = admin.substr(0, slash) + "/" + name + admin.substr(slash + 9);
    pg::Connection(admin).exec(("CREATE DATABASE " + name).c_str());
  }
  ~TempPgDb() {
    if (admin.empty()) return;
    try {
      pg::Connection(admin).exec(("DROP DATABASE " + name + " WITH (FORCE)").c_str());
    } catch (const std::exception&) {
      // The cluster is throwaway: a database left behind goes with it.
    }
  }
  TempPgDb(const TempPgDb&) = delete;
  TempPgDb& operator=(const TempPgDb&) = delete;
};

// One engine: where a fresh store lives (a file, a database), and how to open it there.
struct Engine {
  const char* name;
  std::function<std::shared_ptr<void>(std::string& location)> fresh;
  std::function<std::unique_ptr<Store>(const std::string& location)> open;
};

const Engine kEngines[] = {
    {"sqlite",
     [](std::string& location) {
       auto db = std::make_shared<TempDb>();
       location = db->file.string();
       return std::shared_ptr<void>(db);
     },
     [](const std::string& location) { return std::make_unique<SqliteStore>(location); }},
    {"postgres",
     [](std::string& location) {
       auto db = std::make_shared<TempPgDb>();
       location = db->url;
       return std::shared_ptr<void>(db);
     },
     [](const std::string& location) { return std::make_unique<PgStore>(location); }},
};

}  // namespace

TEST_CASE("Store conformance") {
  for (const Engine& engine : kEngines) {
    CAPTURE(engine.name);
    std::string location;
    const auto place = engine.fresh(location);
    auto store = engine.open(location);

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

    SUBCASE("share clicks count per site, page and target") {
      store->add_share_click("demo", "/a/", "x");
      store->add_share_click("demo", "/a/", "x");
      store->add_share_click("demo", "/a/", "copy");
      store->add_share_click("demo", "/b/", "x");
      store->add_share_click("other", "/a/", "x");
      const auto clicks = store->share_clicks("demo", "/a/");
      REQUIRE(clicks.size() == 2);
      CHECK(clicks[0].target == "copy");
      CHECK(clicks[0].clicks == 1);
      CHECK(clicks[1].target == "x");
      CHECK(clicks[1].clicks == 2);
      CHECK(store->share_clicks("demo", "/none/").empty());
    }

    SUBCASE("an imported comment is stored once per site and source key") {
      ImportedComment in{"demo",     "Title",   "ana@example.org",
                         "approved", "wxr:1:2", make("/a/", 10).comment};
      const auto id = store->insert_imported(in);
      REQUIRE(id.has_value());
      CHECK_FALSE(store->insert_imported(in).has_value());
      in.site = "other";
      CHECK(store->insert_imported(in).has_value());
      const auto found = store->find_imported("demo", "wxr:1:2");
      REQUIRE(found.has_value());
      CHECK(found->id == *id);
      CHECK(found->page == "/a/");
      CHECK_FALSE(store->find_imported("demo", "wxr:1:3").has_value());
      CHECK(store->count_page("demo", "/a/") == 1);
    }

    SUBCASE("a posted comment is found by its posted key, on its site only") {
      const Comment posted = store->insert(make("/a/", 1));
      const std::string key = posted_key("demo", posted.id, 1);
      REQUIRE(store->find_imported("demo", key).has_value());
      CHECK(store->find_imported("demo", key)->id == posted.id);
      CHECK_FALSE(store->find_imported("other", posted_key("other", posted.id, 1)));
      CHECK_FALSE(store->find_imported("demo", posted_key("demo", posted.id, 2)));
      // An imported comment with that id is not the posted one another server exported.
      ImportedComment in{"demo", "", "", "approved", "x", make("/a/", 5).comment};
      const auto imported = store->insert_imported(in);
      REQUIRE(imported.has_value());
      CHECK_FALSE(store->find_imported("demo", posted_key("demo", *imported, 5)));
    }

    SUBCASE("readers get approved and deleted comments; the dump has every status") {
      const char* statuses[] = {"approved", "pending", "spam", "deleted"};
      for (int i = 0; i < 4; ++i) {
        ImportedComment in{"demo",
                           "Title",
                           "",
                           statuses[i],
                           "k" + std::to_string(i),
                           make("/a/", i + 1, statuses[i]).comment};
        REQUIRE(store->insert_imported(in).has_value());
      }
      const auto listed = store->list_page("demo", "/a/");
      REQUIRE(listed.size() == 2);
      CHECK(listed[0].author == "approved");
      CHECK_FALSE(listed[0].deleted);
      CHECK(listed[1].deleted);
      CHECK(store->count_page("demo", "/a/") == 1);
      CHECK(store->count_pages("demo", {"/a/"}) == std::vector<std::size_t>{1});
      const auto dump = store->dump_page("demo", "/a/");
      REQUIRE(dump.size() == 4);
      CHECK(dump[2].status == "spam");
      CHECK(dump[2].source == "k2");
      CHECK(store->recent_comments("demo", "", 10).size() == 1);
    }

    SUBCASE("recent comments: newest first, by site or page, with thread titles") {
      store->insert(make("/a/", 1, "one"));
      store->insert(make("/b/", 3, "three"));
      store->insert(make("/a/", 2, "two"));
      const auto site = store->recent_comments("demo", "", 2);
      REQUIRE(site.size() == 2);
      CHECK(site[0].comment.author == "three");
      CHECK(site[0].comment.page == "/b/");
      CHECK(site[0].title == "Title");
      CHECK(site[1].comment.author == "two");
      const auto page = store->recent_comments("demo", "/a/", 10);
      REQUIRE(page.size() == 2);
      CHECK(page[0].comment.author == "two");
    }

    SUBCASE("moving a thread keeps ids and threading; onto an existing one merges") {
      const Comment root = store->insert(make("/old/", 1));
      NewComment reply = make("/old/", 2);
      reply.comment.parent = root.id;
      reply.comment.depth = 1;
      const Comment child = store->insert(reply);
      CHECK(store->move_thread("demo", "/none/", "/x/") == -1);
      CHECK(store->move_thread("demo", "/old/", "/new/") == 2);
      CHECK(store->list_page("demo", "/old/").empty());
      const auto moved = store->list_page("demo", "/new/");
      REQUIRE(moved.size() == 2);
      CHECK(moved[1].id == child.id);
      CHECK(moved[1].parent == root.id);
      store->insert(make("/other/", 0, "first"));
      CHECK(store->move_thread("demo", "/new/", "/other/") == 2);
      const auto merged = store->list_page("demo", "/other/");
      REQUIRE(merged.size() == 3);
      CHECK(merged[0].author == "first");
      CHECK(store->list_threads("demo").size() == 1);
    }

    SUBCASE("survives reopening") {
      store->insert(make("/a/", 1));
      store.reset();
      auto reopened = engine.open(location);
      CHECK(reopened->count_page("demo", "/a/") == 1);
    }
  }
}

TEST_CASE("Outbox store conformance (server/notify/outbox_store.hpp)") {
  for (const Engine& engine : kEngines) {
    CAPTURE(engine.name);
    std::string location;
    const auto place = engine.fresh(location);
    const auto outbox = std::string(engine.name) == "sqlite"
                            ? notify::open_sqlite_outbox_store(location)
                            : notify::open_pg_outbox_store(location);

    SUBCASE("due items are claimed oldest first, once per lease") {
      outbox->enqueue("mail", "a@example.org", "first", 100);
      outbox->enqueue("webhook", "https://hook.example/", "{}", 101);
      outbox->enqueue("mail", "b@example.org", "later", 500);
      const auto due = outbox->claim_due(200, 800, 10);
      REQUIRE(due.size() == 2);
      CHECK(due[0].target == "a@example.org");
      CHECK(due[0].body == "first");
      CHECK(due[1].kind == "webhook");
      CHECK(outbox->claim_due(700, 900, 10).size() == 1);   // "later"; the two are leased
      CHECK(outbox->claim_due(801, 1000, 10).size() == 2);  // their lease ran out
      CHECK(outbox->count("pending") == 3);
    }

    SUBCASE("delivered items are never claimed again; failed ones wait, then give up") {
      outbox->enqueue("mail", "a@example.org", "m", 100);
      outbox->enqueue("mail", "b@example.org", "m", 100);
      const auto due = outbox->claim_due(100, 700, 10);
      REQUIRE(due.size() == 2);
      outbox->delivered(due[0].id);
      outbox->retry(due[1].id, 1, 160, "connection refused", false);
      CHECK(outbox->claim_due(150, 700, 10).empty());
      const auto again = outbox->claim_due(160, 700, 10);
      REQUIRE(again.size() == 1);
      CHECK(again[0].attempts == 1);
      outbox->retry(again[0].id, 2, 200, "connection refused", true);
      CHECK(outbox->claim_due(10'000, 20'000, 10).empty());
      CHECK(outbox->count("sent") == 1);
      CHECK(outbox->count("failed") == 1);
    }

    SUBCASE("subscriptions: confirmed ones are listed per comment; tokens confirm and remove") {
      outbox->subscribe({"demo", "/a/", 7, "ana@example.org", "tok-1", false, 100});
      outbox->subscribe({"demo", "/a/", 7, "bo@example.org", "tok-2", true, 100});
      outbox->subscribe({"other", "/a/", 7, "cy@example.org", "tok-3", true, 100});
      auto subs = outbox->subscribers("demo", 7);
      REQUIRE(subs.size() == 1);
      CHECK(subs[0].email == "bo@example.org");
      CHECK_FALSE(outbox->confirmed_address("demo", "ana@example.org"));
      CHECK(outbox->confirm("tok-1"));
      CHECK_FALSE(outbox->confirm("nope"));
      CHECK(outbox->confirmed_address("demo", "ana@example.org"));
      CHECK_FALSE(outbox->confirmed_address("other", "ana@example.org"));
      CHECK(outbox->subscribers("demo", 7).size() == 2);
      const auto found = outbox->subscription("tok-1");
      REQUIRE(found);
      CHECK(found->page == "/a/");
      CHECK(found->comment == 7);
      CHECK(found->confirmed);
      CHECK(outbox->unsubscribe("tok-1"));
      CHECK_FALSE(outbox->unsubscribe("tok-1"));
      CHECK(outbox->subscribers("demo", 7).size() == 1);
    }
  }
}

TEST_CASE("Privacy store conformance (server/privacy/privacy_store.hpp)") {
  for (const Engine& engine : kEngines) {
    CAPTURE(engine.name);
    std::string location;
    const auto place = engine.fresh(location);
    auto store = engine.open(location);
    const bool sqlite = std::string(engine.name) == "sqlite";
    const auto privacy = sqlite ? privacy::open_sqlite_privacy_store(location)
                                : privacy::open_pg_privacy_store(location);

    SUBCASE("IP digests are blanked up to a date, in batches of at most the limit") {
      for (const std::int64_t created : {100, 200, 300}) {
        NewComment c = make("/a/", created);
        c.ip_hash = "ip-" + std::to_string(created);
        store->insert(c);
      }
      store->insert(make("/a/", 150));  // no digest to begin with
      CHECK(store->add_like({{"demo", "/a/", 0}, "liker-1", "ip-l1", "seed", "", 100}));
      CHECK(store->add_like({{"demo", "/a/", 0}, "liker-2", "ip-l2", "seed", "", 300}));
      CHECK(privacy->blank_ip_hashes(200, 1) == 2);  // the comment and the like of 100
      CHECK(privacy->blank_ip_hashes(200, 1) == 1);  // the comment of 200: "at or before"
      CHECK(privacy->blank_ip_hashes(200, 1) == 0);
      CHECK(privacy->blank_ip_hashes(1000, 10) == 2);
      CHECK(privacy->blank_ip_hashes(1000, 10) == 0);
      // A blank digest counts toward nobody's per-address cap.
      CHECK(store->count_likes_from({"demo", "/a/", 0}, "ip-l2") == 0);
    }

    SUBCASE("a reader's comments: by login or by email (any case), on their site only") {
      NewComment guest = make("/a/", 100, "Ana");
      guest.email = "Ana@Example.org";
      const std::int64_t g1 = store->insert(guest).id;
      guest.comment.page = "/b/";
      guest.comment.created = 200;
      const std::int64_t g2 = store->insert(guest).id;
      NewComment other_site = make("/a/", 100, "Ana", "other");
      store->insert(other_site);
      NewComment member = make("/a/", 150, "Bo");
      member.email = "";
      member.comment.provider = "local";
      member.subject = "user-1";
      const std::int64_t m = store->insert(member).id;
      NewComment reply = make("/a/", 300, "Cy");
      reply.comment.parent = g1;
      reply.comment.depth = 1;
      reply.email = "cy@example.org";
      const std::int64_t r = store->insert(reply).id;

      const privacy::DataOwner ana{"", "", "ana@example.ORG"};
      const auto found = privacy->comments_of("demo", ana);
      REQUIRE(found.size() == 2);
      CHECK(found[0].id == g1);
      CHECK(found[0].page == "/a/");
      CHECK(found[0].title == "Title");
      CHECK(found[0].status == "approved");
      CHECK(found[1].id == g2);
      const auto bo = privacy->comments_of("demo", {"local", "user-1", ""});
      REQUIRE(bo.size() == 1);
      CHECK(bo[0].id == m);
      CHECK(privacy->comments_of("demo", {"other", "user-1", ""}).empty());
      CHECK(privacy->comments_of("demo", {"", "", ""}).empty());  // no owner, no match

      CHECK(privacy->erase_comments_of("demo", ana) == 2);
      CHECK(privacy->comments_of("demo", ana).empty());
      CHECK(privacy->erase_comments_of("demo", ana) == 0);
      const auto placeholder = store->find_comment("demo", g1);
      REQUIRE(placeholder);
      CHECK(placeholder->status == "deleted");
      CHECK(placeholder->comment.author.empty());
      CHECK(placeholder->comment.text.empty());
      CHECK(store->find_comment("demo", r)->status == "approved");
      CHECK(privacy->comments_of("other", ana).size() == 1);
    }

    SUBCASE("a reader's likes and reply subscriptions") {
      CHECK(store->add_like({{"demo", "/a/", 0}, "member-key", "ip", "https://a/", "Bo", 100}));
      CHECK(store->add_like({{"demo", "/a/", 7}, "member-key", "ip", "https://a/", "Bo", 200}));
      CHECK(store->add_like({{"demo", "/a/", 0}, "someone", "ip", "seed", "", 100}));
      const auto likes = privacy->likes_of("demo", "member-key");
      REQUIRE(likes.size() == 2);
      CHECK(likes[0].comment == 0);
      CHECK(likes[1].comment == 7);
      CHECK(privacy->erase_likes_of("demo", "member-key") == 2);
      CHECK(privacy->likes_of("demo", "member-key").empty());
      CHECK(store->like_summary({"demo", "/a/", 0}, "", 5).count == 1);

      const auto outbox = sqlite ? notify::open_sqlite_outbox_store(location)
                                 : notify::open_pg_outbox_store(location);
      outbox->subscribe({"demo", "/a/", 7, "Ana@example.org", "tok-1", true, 100});
      outbox->subscribe({"other", "/a/", 7, "ana@example.org", "tok-2", true, 100});
      const auto subs = privacy->subscriptions_of("demo", "ana@EXAMPLE.org");
      REQUIRE(subs.size() == 1);
      CHECK(subs[0].comment == 7);
      CHECK(subs[0].confirmed);
      CHECK(privacy->subscriptions_of("demo", "").empty());
      CHECK(privacy->erase_subscriptions_of("demo", "ana@example.org") == 1);
      CHECK_FALSE(outbox->subscription("tok-1"));
      CHECK(outbox->subscription("tok-2"));
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

TEST_CASE("PostgreSQL schema: migrated at open, again is a no-op, newer schemas refused") {
  TempPgDb db;
  { PgStore store(db.url); }
  { PgStore again(db.url); }
  pg::Connection raw(db.url);
  CHECK(pg::current_version(raw) == pg::schema_version());
  raw.exec(
      ("UPDATE parley_schema SET version = " + std::to_string(pg::schema_version() + 1)).c_str());
  CHECK_THROWS_AS(PgStore(db.url), pg::Error);
}

TEST_CASE("PostgreSQL keeps the email, which the public model does not carry") {
  TempPgDb db;
  PgStore store(db.url);
  store.insert(make("/a/", 1));
  pg::Connection raw(db.url);
  CHECK(raw.query("SELECT email FROM comments").text(0, 0) == "ana@example.org");
}

TEST_CASE("PostgreSQL: page keys that look like array syntax count as themselves") {
  TempPgDb db;
  PgStore store(db.url);
  const std::string odd[] = {"/a,b/", "/{x}/", "/\"q\"/", "/back\\slash/", "NULL"};
  for (const std::string& page : odd) store.insert(make(page, 1));
  CHECK(store.count_pages("demo", {odd[0], odd[1], odd[2], odd[3], odd[4], "/none/"}) ==
        std::vector<std::size_t>{1, 1, 1, 1, 1, 0});
}

TEST_CASE("PostgreSQL: an unreachable server is StoreUnavailable, not a crash") {
  // Port 1 on a socket directory that does not exist: nothing can listen there.
  CHECK_THROWS_AS(PgStore("postgresql:///parley?host=/nonexistent-parley&port=1"),
                  StoreUnavailable);
}
