// LikeService and LikeDigest on a real SQLite store: what HTTP tests cannot reach —
// the daily rotation of the address digest, the per-address cap across addresses,
// and which digests are kept instead of tokens and addresses.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <variant>

#include "service/like_service.hpp"
#include "store/sqlite_store.hpp"

namespace fs = std::filesystem;
using namespace parley;
using namespace parley::server;

namespace {

constexpr std::int64_t kDay = LikeDigest::kSaltRotationSeconds;
constexpr std::int64_t kNoon = 20000 * kDay + kDay / 2;

struct Fixture {
  fs::path dir = fs::temp_directory_path() /
                 ("parley-likes-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
  SqliteStore store{(fs::create_directories(dir), (dir / "test.db").string())};
  RateLimiter unlimited{0, 1};
  LikeDigest digest;
  LikeService service{store, unlimited, digest};
  ~Fixture() { fs::remove_all(dir); }

  LikeResult like(const std::string& token, const std::string& ip = "192.0.2.1",
                  std::int64_t now = kNoon, std::int64_t comment = 0) {
    return service.like(LikeTarget{"demo", "/p/", comment}, Liker{token}, ip, now, {});
  }
};

std::string token(int i) {
  return "token-" + std::to_string(i) + "-0123456789abcdef";
}

std::size_t count_of(const LikeResult& r) {
  REQUIRE(std::holds_alternative<LikeSummary>(r));
  return std::get<LikeSummary>(r).count;
}

}  // namespace

TEST_CASE("the address digest is stable within a day and rotates with the day") {
  const LikeDigest d;
  CHECK(d.address("192.0.2.1", kNoon) == d.address("192.0.2.1", kNoon + kDay / 4));
  CHECK(d.address("192.0.2.1", kNoon) != d.address("192.0.2.1", kNoon + kDay));
  CHECK(d.address("192.0.2.1", kNoon) != d.address("192.0.2.2", kNoon));
  // Another server (or a restart) draws another secret: digests cannot be matched.
  CHECK(LikeDigest().address("192.0.2.1", kNoon) != d.address("192.0.2.1", kNoon));
  CHECK(d.address("192.0.2.1", kNoon).find("192") == std::string::npos);
}

TEST_CASE("a salt derived from the server secret is the same in every process") {
  const std::string secret = "0123456789abcdefghijklmnopqrstuvwxyz-secret";
  CHECK(LikeDigest(secret).address("192.0.2.1", kNoon) ==
        LikeDigest(secret).address("192.0.2.1", kNoon));
  CHECK(LikeDigest(secret).address("192.0.2.1", kNoon) !=
        LikeDigest(secret + "x").address("192.0.2.1", kNoon));
  CHECK(LikeDigest(secret).address("192.0.2.1", kNoon) !=
        LikeDigest(secret).address("192.0.2.1", kNoon + kDay));
}

TEST_CASE("liker keys are per site; avatar seeds are per reader and short") {
  const LikeDigest d;
  CHECK(d.liker("demo", token(1)) == LikeDigest().liker("demo", token(1)));
  CHECK(d.liker("demo", token(1)) != d.liker("other", token(1)));
  CHECK(d.avatar(token(1)).size() == 8);
  CHECK(d.avatar(token(1)) == d.avatar(token(1)));
  CHECK(d.avatar(token(1)) != d.avatar(token(2)));
}

TEST_CASE("one like per token; the address cap is per address and per day") {
  Fixture f;
  CHECK(count_of(f.like(token(0))) == 1);
  CHECK(count_of(f.like(token(0))) == 1);
  for (int i = 1; i < static_cast<int>(limits::kMaxLikesPerAddress); ++i) {
    CHECK(count_of(f.like(token(i))) == static_cast<std::size_t>(i + 1));
  }
  const LikeResult refused = f.like(token(1000));
  REQUIRE(std::holds_alternative<LikeRefused>(refused));
  CHECK(std::get<LikeRefused>(refused).code == "too_many");
  // A reader who already likes it is not refused: liking again is a no-op.
  CHECK(count_of(f.like(token(3))) == limits::kMaxLikesPerAddress);
  // Another address, or the same one tomorrow, is counted.
  CHECK(count_of(f.like(token(1000), "198.51.100.7")) == limits::kMaxLikesPerAddress + 1);
  CHECK(count_of(f.like(token(1001), "192.0.2.1", kNoon + kDay)) ==
        limits::kMaxLikesPerAddress + 2);
}

TEST_CASE("comment likes need a comment of that page; page() reports them per reader") {
  Fixture f;
  NewComment n;
  n.site = "demo";
  n.comment.page = "/p/";
  n.comment.author = "Ana";
  n.comment.text = "text";
  n.comment.html = "<p>text</p>";
  const std::int64_t id = f.store.insert(n).id;

  const LikeResult missing = f.like(token(1), "192.0.2.1", kNoon, id + 1);
  REQUIRE(std::holds_alternative<LikeRefused>(missing));
  CHECK(std::get<LikeRefused>(missing).field == "comment");

  CHECK(count_of(f.like(token(1), "192.0.2.1", kNoon, id)) == 1);
  CHECK(count_of(f.like(token(2), "192.0.2.1", kNoon, id)) == 2);
  const PageLikes mine = f.service.page("demo", "/p/", Liker{token(1)});
  CHECK(mine.page.count == 0);
  REQUIRE(mine.comments.size() == 1);
  CHECK(mine.comments[0].id == id);
  CHECK(mine.comments[0].count == 2);
  CHECK(mine.comments[0].liked);
  CHECK_FALSE(f.service.page("demo", "/p/", Liker{}).comments[0].liked);

  const LikeResult gone =
      f.service.unlike(LikeTarget{"demo", "/p/", id}, Liker{token(1)}, "192.0.2.1", {});
  CHECK(count_of(gone) == 1);
  CHECK_FALSE(f.service.page("demo", "/p/", Liker{token(1)}).comments[0].liked);
}

TEST_CASE("recent likers are the newest avatar seeds, at most kRecentLikers") {
  Fixture f;
  for (int i = 0; i < static_cast<int>(limits::kRecentLikers) + 3; ++i) {
    f.like(token(i), "192.0.2.1", kNoon + i);
  }
  const PageLikes likes = f.service.page("demo", "/p/", Liker{});
  CHECK(likes.page.count == limits::kRecentLikers + 3);
  REQUIRE(likes.page.recent.size() == limits::kRecentLikers);
  CHECK(likes.page.recent.front().avatar ==
        f.digest.avatar(token(static_cast<int>(limits::kRecentLikers) + 2)));
}

TEST_CASE("signed-in likes: one per account from any browser, with its name and avatar") {
  Fixture f;
  const Liker ada{"", "local", "sub-ada", "Ada", "https://id.example/ada.png"};
  const LikeTarget page{"demo", "/p/", 0};
  CHECK(count_of(f.service.like(page, ada, "192.0.2.1", kNoon, {})) == 1);
  // The same account from another browser (another token, another address) is still one.
  Liker again = ada;
  again.token = token(7);
  const LikeResult second = f.service.like(page, again, "198.51.100.7", kNoon, {});
  REQUIRE(count_of(second) == 1);
  CHECK(std::get<LikeSummary>(second).liked);
  REQUIRE(std::get<LikeSummary>(second).recent.size() == 1);
  CHECK(std::get<LikeSummary>(second).recent[0].avatar == "https://id.example/ada.png");
  CHECK(std::get<LikeSummary>(second).recent[0].name == "Ada");
  // The account's like is not the browser token's.
  CHECK_FALSE(f.service.page("demo", "/p/", Liker{token(7)}).page.liked);
  CHECK(f.service.page("demo", "/p/", ada).page.liked);
  // Same subject at another provider is another reader; without a picture the account
  // gets a generated avatar seed of its own.
  const Liker other{"", "github", "sub-ada", "Ada G.", ""};
  const LikeResult both = f.service.like(page, other, "192.0.2.1", kNoon + 1, {});
  REQUIRE(count_of(both) == 2);
  CHECK(std::get<LikeSummary>(both).recent[0].avatar == f.digest.avatar("github/sub-ada"));
  CHECK(count_of(f.service.unlike(page, again, "192.0.2.1", {})) == 1);
  CHECK_FALSE(f.service.page("demo", "/p/", ada).page.liked);
}

TEST_CASE("signed-in likers are not held to the per-address cap") {
  Fixture f;
  for (int i = 0; i < static_cast<int>(limits::kMaxLikesPerAddress); ++i) f.like(token(i));
  REQUIRE(std::holds_alternative<LikeRefused>(f.like(token(1000))));
  const Liker ada{"", "local", "sub-ada", "Ada", ""};
  CHECK(count_of(f.service.like(LikeTarget{"demo", "/p/", 0}, ada, "192.0.2.1", kNoon, {})) ==
        limits::kMaxLikesPerAddress + 1);
}

TEST_CASE("a signed-in liker's picture and name are checked and bounded before they are kept") {
  Fixture f;
  const LikeTarget page{"demo", "/p/", 0};
  const auto newest = [&](const Liker& who, std::int64_t now) {
    const LikeResult r = f.service.like(page, who, "192.0.2.1", now, {});
    REQUIRE(std::holds_alternative<LikeSummary>(r));
    return std::get<LikeSummary>(r).recent.at(0);
  };
  // Not https (nor http on loopback), or too long: the account's generated avatar.
  const std::string too_long = "https://id.example/" + std::string(2048, 'a');
  for (const std::string& bad :
       {std::string("javascript:alert(1)"), std::string("http://id.example/a.png"), too_long}) {
    CAPTURE(bad);
    const std::string subject = "sub-" + std::to_string(bad.size());
    const RecentLiker kept = newest(Liker{"", "local", subject, "Ada", bad}, kNoon);
    CHECK(kept.avatar == f.digest.avatar("local/" + subject));
  }
  // A name longer than an author's is cut to 100 characters; a stray byte is replaced.
  const std::string name = std::string("\xff") + std::string(300, 'n');
  const RecentLiker kept = newest(Liker{"", "local", "sub-long", name, ""}, kNoon + 1);
  CHECK(kept.name == "\xef\xbf\xbd" + std::string(99, 'n'));
}
