// CommentService on a real SQLite store: placement of replies and the thread cap.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "core/limits.hpp"
#include "service/comment_service.hpp"
#include "store/sqlite_store.hpp"

namespace fs = std::filesystem;
using namespace parley;
using namespace parley::server;

namespace {

struct Fixture {
  fs::path dir = fs::temp_directory_path() /
                 ("parley-service-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
  SqliteStore store{(fs::create_directories(dir), (dir / "test.db").string())};
  RateLimiter unlimited{0, 1};
  CommentService service{store, unlimited};
  ~Fixture() { fs::remove_all(dir); }

  PostResult post(std::int64_t parent, std::string page = "/p/") {
    Draft d;
    d.page = std::move(page);
    d.parent = parent;
    d.text = "text";
    d.author = "Ana";
    d.email = "ana@example.org";
    return service.post("demo", "127.0.0.1", d, 1000, {});
  }
};

}  // namespace

TEST_CASE("replies nest to kMaxDepth, then become siblings") {
  Fixture f;
  std::int64_t parent = 0;
  Comment last;
  for (int depth = 0; depth <= limits::kMaxDepth; ++depth) {
    last = std::get<Comment>(f.post(parent));
    CHECK(last.depth == depth);
    parent = last.id;
  }
  const Comment sibling = std::get<Comment>(f.post(last.id));
  CHECK(sibling.depth == limits::kMaxDepth);
  CHECK(sibling.parent == last.parent);
}

TEST_CASE("the html is rendered from the Markdown and stored") {
  Fixture f;
  Draft d;
  d.page = "/p/";
  d.text = "<b>*hi*</b>";
  d.author = "Ana";
  d.email = "ana@example.org";
  const Comment c = std::get<Comment>(f.service.post("demo", "ip", d, 1, {}));
  CHECK(c.html.find("&lt;b&gt;") != std::string::npos);
  CHECK(c.html.find("<em>hi</em>") != std::string::npos);
  CHECK(f.store.list_page("demo", "/p/")[0].html == c.html);
}

TEST_CASE("a page holding kMaxThreadComments takes no more comments or replies") {
  Fixture f;
  NewComment n;
  n.site = "demo";
  n.comment.page = "/full/";
  n.comment.author = "Ana";
  n.comment.text = "t";
  n.comment.html = "<p>t</p>";
  std::int64_t first = 0;
  for (std::size_t i = 0; i < limits::kMaxThreadComments; ++i) {
    const Comment c = f.store.insert(n);
    if (i == 0) first = c.id;
  }
  for (const std::int64_t parent : {std::int64_t{0}, first}) {
    const PostResult result = f.post(parent, "/full/");
    const auto* errors = std::get_if<FieldErrors>(&result);
    REQUIRE(errors);
    CHECK(errors->front().field == "page");
    CHECK(errors->front().code == "too_many");
  }
  CHECK(std::holds_alternative<Comment>(f.post(0, "/other/")));
}

TEST_CASE("visible_thread: a deleted comment stays as an empty placeholder only above replies") {
  const auto c = [](std::int64_t id, std::int64_t parent, int depth, bool deleted) {
    Comment x;
    x.id = id;
    x.parent = parent;
    x.depth = depth;
    x.author = "A" + std::to_string(id);
    x.text = "t";
    x.html = "<p>t</p>";
    x.provider = "github";  // a logged-in author's identity goes with the rest
    x.provider_name = "GitHub";
    x.avatar = "https://avatars.example/" + std::to_string(id);
    x.deleted = deleted;
    return x;
  };
  // 1 deleted <- 2 kept; 3 deleted <- 4 deleted (no visible reply below either);
  // 5 deleted at depth 0 with a deleted child 6 whose child 7 is visible.
  const std::vector<Comment> in = {c(1, 0, 0, true), c(2, 1, 1, false), c(3, 0, 0, true),
                                   c(4, 3, 1, true), c(5, 0, 0, true),  c(6, 5, 1, true),
                                   c(7, 6, 2, false)};
  const std::vector<Comment> out = visible_thread(in);
  std::vector<std::int64_t> ids;
  for (const Comment& x : out) ids.push_back(x.id);
  CHECK(ids == std::vector<std::int64_t>{1, 2, 5, 6, 7});
  CHECK(out[0].deleted);
  CHECK(out[0].author.empty());
  CHECK(out[0].html.empty());
  CHECK_FALSE(out[0].verified());
  CHECK(out[0].provider_name.empty());
  CHECK(out[0].avatar.empty());
  CHECK(out[1].author == "A2");
  CHECK(out[1].verified());
}
