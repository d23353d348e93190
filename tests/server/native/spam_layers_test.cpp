// The spam layers one by one (docs/spam.md): render tokens, honeypot, links, blocked
// words, and the duplicate query on a real SQLite store through the whole pipeline.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "service/comment_service.hpp"
#include "service/moderation.hpp"
#include "service/sites.hpp"
#include "spam/blocked_words.hpp"
#include "spam/form_token.hpp"
#include "spam/honeypot.hpp"
#include "spam/links.hpp"
#include "spam/spam_filter.hpp"
#include "store/moderation_store.hpp"
#include "store/sqlite_store.hpp"

namespace fs = std::filesystem;
using namespace parley;
using namespace parley::server;
using namespace parley::server::spam;

namespace {

constexpr std::string_view kSecret = "a server secret of thirty-two bytes";

}  // namespace

TEST_CASE("a render token is accepted once the minimum time has passed") {
  const std::string token = form_token(kSecret, "demo", 1000);
  CHECK(check_form_token(kSecret, "demo", token, 1003, 3).accepted());
  CHECK(check_form_token(kSecret, "demo", token, 100000, 3).accepted());
  const Verdict fast = check_form_token(kSecret, "demo", token, 1002, 3);
  CHECK(fast.outcome == Outcome::reject);
  CHECK(fast.code == "too_fast");
}

TEST_CASE("a render token not signed here, for another site or from the future is refused") {
  const std::string token = form_token(kSecret, "demo", 1000);
  CHECK(check_form_token("another secret", "demo", token, 2000, 3).code == "form_expired");
  CHECK(check_form_token(kSecret, "other", token, 2000, 3).code == "form_expired");
  // Moving the time forward breaks the signature.
  CHECK(check_form_token(kSecret, "demo", "900" + token.substr(4), 2000, 3).code == "form_expired");
  CHECK(check_form_token(kSecret, "demo", form_token(kSecret, "demo", 5000), 2000, 3).code ==
        "form_expired");
  for (const std::string_view bad :
       {"", ".", "1000", "1000.", "x.abc", "-5.abc", "99999999999999999999999.ab"}) {
    CHECK(check_form_token(kSecret, "demo", bad, 2000, 3).code == "form_expired");
  }
}

TEST_CASE("the honeypot marks a filled-in field as spam") {
  CHECK(check_honeypot("").accepted());
  const Verdict v = check_honeypot("+1 555 0100");
  CHECK(v.outcome == Outcome::spam);
  CHECK(v.reason == "honeypot field filled in");
}

TEST_CASE("links are counted once each, in any case, with or without a scheme") {
  CHECK(count_links("no links here") == 0);
  CHECK(count_links("see https://www.example.org and http://a.example") == 2);
  CHECK(count_links("[x](HTTPS://x.example) WWW.y.example") == 2);
  CHECK(count_links("awww.example is not a link") == 0);
  CHECK(check_links("https://a https://b https://c", 3).accepted());
  const Verdict v = check_links("https://a https://b https://c www.d", 3);
  CHECK(v.outcome == Outcome::hold);
  CHECK(v.reason == "4 links (more than 3)");
  CHECK(check_links("https://a https://b", -1).accepted());
  CHECK(check_links("https://a", 0).outcome == Outcome::hold);
}

TEST_CASE("blocked words match whole words in any letter case") {
  const BlockedWords words({"Casino", "cheap pills", "Ærø"});
  CHECK(words.check({"Visit our CASINO!"}).reason == "blocked word \"casino\"");
  CHECK(words.check({"casinos"}).accepted());
  CHECK(words.check({"the casino_royale"}).accepted());
  CHECK(words.check({"buy Cheap Pills now"}).outcome == Outcome::hold);
  CHECK(words.check({"cheap  pills"}).accepted());
  CHECK(words.check({"fine text", "Casino Joe"}).outcome == Outcome::hold);
  CHECK(words.check({"ærø island"}).outcome == Outcome::hold);
  CHECK(words.check({"ÆRØ"}).outcome == Outcome::hold);
  CHECK(words.check({"Ærøskøbing"}).accepted());
  CHECK(BlockedWords({}).check({"casino"}).accepted());
}

TEST_CASE("case folding covers ASCII and Latin-1/Latin Extended-A capitals") {
  CHECK(fold_case("ÀÉÎÕÜ Ÿ ĀĞŁŽ ×") == "àéîõü Ÿ āğłž ×");
}

namespace {

std::vector<Site> demo_sites() {
  Site demo;
  demo.id = "demo";
  return {demo};
}

struct Fixture {
  fs::path dir = fs::temp_directory_path() /
                 ("parley-spam-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
  std::string db = (fs::create_directories(dir), (dir / "test.db").string());
  SqliteStore store{db};
  std::unique_ptr<ModerationStore> moderation_store = open_sqlite_moderation_store(db);
  Sites sites{demo_sites()};
  Moderation moderation{*moderation_store, sites, "salt"};
  RateLimiter unlimited{0, 1};
  CommentService service{store, unlimited};
  SpamFilter filter;

  explicit Fixture(SpamConfig config) : filter(std::move(config), *moderation_store, "secret") {
    service.set_moderation(&moderation);
    service.set_spam(&filter);
  }
  ~Fixture() { fs::remove_all(dir); }

  PostResult post(std::string text, std::int64_t now, std::string email = "ana@example.org",
                  const Signals& signals = {}) {
    Draft d;
    d.page = "/p/";
    d.text = std::move(text);
    d.author = "Ana";
    d.email = std::move(email);
    return service.post("demo", "127.0.0.1", d, now, {}, nullptr, kDefaultGuestMode, signals);
  }
};

SpamConfig only_duplicates() {
  SpamConfig c;
  c.min_form_seconds = 0;
  c.identity_posts_per_minute = 0;
  c.duplicate_hours = 2;
  return c;
}

}  // namespace

TEST_CASE("the same text by the same author within the window is refused") {
  Fixture f(only_duplicates());
  REQUIRE(std::holds_alternative<Comment>(f.post("Same words", 10000)));
  const PostResult again = f.post("Same words", 10000 + 3600);
  REQUIRE(std::holds_alternative<Rejected>(again));
  CHECK(std::get<Rejected>(again).code == "duplicate");
  // Another author, other words, or after the window: accepted.
  CHECK(std::holds_alternative<Comment>(f.post("Same words", 10001, "bo@example.org")));
  CHECK(std::holds_alternative<Comment>(f.post("Other words", 10002)));
  CHECK(std::holds_alternative<Comment>(f.post("Same words", 10000 + 2 * 3600 + 1)));
}

TEST_CASE("the pipeline stores a honeypot catch as spam and a linky comment as held") {
  Fixture f(only_duplicates());
  Signals filled;
  filled.honeypot = "x";
  const PostResult spam = f.post("Nice post", 1, "ana@example.org", filled);
  REQUIRE(std::holds_alternative<Held>(spam));
  const auto spam_item = f.moderation_store->find("demo", std::get<Held>(spam).comment.id);
  CHECK(spam_item->status == "spam");
  CHECK(spam_item->reason == "honeypot field filled in");

  const PostResult held = f.post("a https://a b https://b c https://c d https://d", 2);
  REQUIRE(std::holds_alternative<Held>(held));
  const auto held_item = f.moderation_store->find("demo", std::get<Held>(held).comment.id);
  CHECK(held_item->status == "pending");
  CHECK(held_item->reason == "4 links (more than 3)");
}

TEST_CASE("the pipeline checks the plain form's render token, and the per-author limit") {
  SpamConfig config = only_duplicates();
  config.min_form_seconds = 3;
  config.identity_posts_per_minute = 1;
  Fixture f(config);
  Signals form;
  form.form_token = f.filter.form_token("demo", 100);
  const PostResult fast = f.post("first", 101, "ana@example.org", form);
  REQUIRE(std::holds_alternative<Rejected>(fast));
  CHECK(std::get<Rejected>(fast).code == "too_fast");
  Signals missing;
  missing.form_token = "";
  CHECK(std::get<Rejected>(f.post("first", 200, "ana@example.org", missing)).code ==
        "form_expired");
  REQUIRE(std::holds_alternative<Comment>(f.post("first", 104, "ana@example.org", form)));
  // The JSON API carries no token; the same author's next post within the minute waits.
  CHECK(std::holds_alternative<RateLimited>(f.post("second", 105)));
  CHECK(std::holds_alternative<Comment>(f.post("second", 105, "bo@example.org")));
}
