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
    return service.like(LikeTarget{"demo", "/p/", comment}, token, ip, now, {});
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
  const PageLikes mine = f.service.page("demo", "/p/", token(1));
  CHECK(mine.page.count == 0);
  REQUIRE(mine.comments.size() == 1);
  CHECK(mine.comments[0].id == id);
  CHECK(mine.comments[0].count == 2);
  CHECK(mine.comments[0].liked);
  CHECK_FALSE(f.service.page("demo", "/p/", "").comments[0].liked);

  const LikeResult gone =
      f.service.unlike(LikeTarget{"demo", "/p/", id}, token(1), "192.0.2.1", {});
  CHECK(count_of(gone) == 1);
  CHECK_FALSE(f.service.page("demo", "/p/", token(1)).comments[0].liked);
}

TEST_CASE("recent likers are the newest avatar seeds, at most kRecentLikers") {
  Fixture f;
  for (int i = 0; i < static_cast<int>(limits::kRecentLikers) + 3; ++i) {
    f.like(token(i), "192.0.2.1", kNoon + i);
  }
  const PageLikes likes = f.service.page("demo", "/p/", "");
  CHECK(likes.page.count == limits::kRecentLikers + 3);
  REQUIRE(likes.page.recent.size() == limits::kRecentLikers);
  CHECK(likes.page.recent.front() ==
        f.digest.avatar(token(static_cast<int>(limits::kRecentLikers) + 2)));
}
