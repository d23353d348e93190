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
