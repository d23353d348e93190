// "Your data" (docs/privacy.md): a signed-in reader downloads and deletes their comments
// and likes from the widget, a guest the likes of this browser; what the reader sees at
// each step, and the requests the widget makes for it.
#include <doctest/doctest.h>

#include "core/i18n.hpp"
#include "core/view_data.hpp"
#include "widget_login_util.hpp"

namespace parley::test {
namespace {

constexpr const char* kLikeToken = "0123456789abcdef0123456789abcdef";
constexpr const char* kApi = "https://comments.example";

json data_action(const char* name, const char* value = "") {
  return action(name, value);
}

// A widget with Ana's comment (1) and Bo's reply (2) on the page; signed in as Ada when
// `token` is given, with this browser's like token when `like_token` is.
struct Reader {
  Widget w;
  Step start;
  Step shown;  // the thread's answer
  Step session;
  explicit Reader(const char* token, const char* like_token = "") {
    json e = start_event();
    e["origin"] = "https://blog.example";
    e["api"] = kApi;
    if (*token) e["token"] = token;
    if (*like_token) e["like_token"] = like_token;
    e["parts"] = "likes,comments";
    start = send(w, e);
    const json thread = {{"comments", {wire(1, 0, 0, "Ana", 3 * 3600), wire(2, 1, 1, "Bo", 90)}}};
    shown = send(w, response(request_of(effect(start, "fetch", "/api/comments")), 200, thread));
    send(w, response(request_of(effect(start, "fetch", "/api/login")), 200, kOptions));
    if (*token) {
      session =
          send(w, response(request_of(effect(start, "fetch", "/api/session")), 200, kSession));
    }
  }
};

bool has(const std::string& html, std::string_view text) {
  return html.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("the foot offers \"Your data\"; a signed-in reader finds it in the login line instead") {
  Reader guest("");
  // It comes with the thread, below it, so it never moves while the thread is laid out.
  CHECK_FALSE(has(guest.start.html("root"), "parley-data-foot"));
  const json* foot = guest.shown.patch("append", "root");
  REQUIRE(foot);
  const std::string root = (*foot)["html"].get<std::string>();
  CHECK(has(root, R"(data-parley-action="data" data-parley-key="data-link")"));
  CHECK(has(root, ">Your data</button>"));
  // The panel is there, closed, empty, and Escape closes it once open.
  CHECK(has(root, R"(data-parley-key="data" data-parley-escape="data-close")"));
  CHECK(has(root, R"(role="status" data-parley-key="data-message")"));
  CHECK(has(root, R"(data-parley-action="data-close">Close</button>)"));

  Reader ada("tok");
  const std::string line = ada.session.html("login");
  CHECK(has(line, "Log Out</button> / <button"));
  CHECK(has(line, R"(data-parley-action="data" data-parley-value="login")"));
  CHECK(has(line, ">Your data</button>)"));
  const json* hidden = ada.session.patch("attr", "data-entry");
  REQUIRE(hidden);
  CHECK((*hidden)["value"] == "");
  // Logging out brings the foot's link back, and closes a panel worded for Ada.
  send(ada.w, data_action("data", "login"));
  const Step out = send(ada.w, data_action("logout"));
  const json* shown = out.patch("attr", "data-entry");
  REQUIRE(shown);
  CHECK((*shown)["value"].is_null());
  const json* closed = out.patch("attr", "data");
  REQUIRE(closed);
  CHECK((*closed)["value"] == "");
  CHECK(send(ada.w, data_action("data-download")).effects.empty());
}

TEST_CASE("a session confirmed before the thread came: the foot arrives with its link hidden") {
  Widget w;
  json e = start_event();
  e["token"] = "tok";
  const Step start = send(w, e);
  send(w, response(request_of(effect(start, "fetch", "/api/login")), 200, kOptions));
  const Step in =
      send(w, response(request_of(effect(start, "fetch", "/api/session")), 200, kSession));
  CHECK_FALSE(in.touches("data-entry"));  // not on the page yet
  const Step shown = send(w, response(request_of(effect(start, "fetch", "/api/comments")), 200,
                                      {{"comments", json::array()}}));
  REQUIRE(shown.patch("append", "root"));
  const json* hidden = shown.patch("attr", "data-entry");
  REQUIRE(hidden);
  CHECK((*hidden)["value"] == "");
}

TEST_CASE("a signed-in reader downloads their data as parley-data-<site>.json") {
  Reader ada("tok", kLikeToken);
  const Step open = send(ada.w, data_action("data", "login"));
  const json* unhide = open.patch("attr", "data");
  REQUIRE(unhide);
  CHECK((*unhide)["value"].is_null());
  const std::string panel = open.html("data-body");
  CHECK(has(panel, ">Your data</h3>"));
  CHECK(has(panel, ">Download your data</button>"));
  CHECK(has(panel, ">Delete your comments and likes…</button>"));
  CHECK_FALSE(has(panel, "/privacy?site="));  // comments by email are a guest's matter
  CHECK(open.patch("focus", "data-focus"));
  CHECK(has(panel, R"(data-parley-action="data-download" data-parley-key="data-focus")"));

  const Step asked = send(ada.w, data_action("data-download"));
  const json* get = effect(asked, "fetch", "/api/me/data");
  REQUIRE(get);
  CHECK((*get)["method"] == "GET");
  // The account's data and this browser's guest likes, both.
  CHECK((*get)["path"] == std::string("/api/me/data?site=blog&token=") + kLikeToken);
  CHECK((*get)["bearer"] == "tok");

  const json body = {{"site", "blog"}, {"comments", json::array()}, {"likes", json::array()}};
  const Step got = send(ada.w, response(request_of(get), 200, body));
  const json* saved = effect(got, "download");
  REQUIRE(saved);
  CHECK((*saved)["name"] == "parley-data-blog.json");
  CHECK((*saved)["type"] == "application/json");
  CHECK((*saved)["text"] == body.dump());
  CHECK(got.html("data-message") == "Your data was downloaded.");
  CHECK(got.patch("focus", "data-focus"));
}

TEST_CASE("deleting asks first with what it will erase, then the thread and likes follow") {
  Reader ada("tok", kLikeToken);
  send(ada.w, data_action("data", "login"));
  const Step counting = send(ada.w, data_action("data-delete"));
  const json* get = effect(counting, "fetch", "/api/me/data");
  REQUIRE(get);
  CHECK((*get)["method"] == "GET");
  const json mine = {
      {"comments",
       {{{"id", 1}, {"page", "/2011/07/raids/"}}, {{"id", 9}, {"page", "/elsewhere/"}}}},
      {"likes", {{{"page", "/a/"}}, {{"page", "/b/"}}, {{"page", "/c/"}}}}};
  const Step asking = send(ada.w, response(request_of(get), 200, mine));
  const std::string question = asking.html("data-body");
  CHECK(has(question,
            "Delete all 2 comments and 3 likes you left on this site? This cannot be undone."));
  CHECK(has(question, R"(data-parley-action="data-delete-confirm")"));
  CHECK(has(question, ">Delete</button>"));
  // The keyboard lands on Cancel, the harmless answer, described by the question.
  CHECK(has(question, R"(data-parley-action="data-delete-cancel" data-parley-key="data-focus")"));
  CHECK(asking.patch("focus", "data-focus"));

  const Step sent = send(ada.w, data_action("data-delete-confirm"));
  const json* del = effect(sent, "fetch", "/api/me/data");
  REQUIRE(del);
  CHECK((*del)["method"] == "DELETE");
  CHECK((*del)["bearer"] == "tok");
  CHECK((*del)["path"] == std::string("/api/me/data?site=blog&token=") + kLikeToken);
  // A second confirm (a double click) sends nothing more.
  CHECK(send(ada.w, data_action("data-delete-confirm")).effects.empty());

  const Step done =
      send(ada.w, response(request_of(del), 200, {{"deleted_comments", 2}, {"deleted_likes", 3}}));
  CHECK(done.html("data-message") == "Deleted 2 comments and 3 likes.");
  // Ana's comment has a reply: it stays as the placeholder, as the server now shows it.
  const json* gone = done.patch("attr", "article-1");
  REQUIRE(gone);
  CHECK((*gone)["value"] == "parley-comment parley-deleted");
  CHECK(has(done.html("body-1"), "This comment was deleted"));
  // The browser's token is forgotten, and the likes are asked again.
  const json* forget = effect(done, "save");
  REQUIRE(forget);
  CHECK((*forget)["key"] == "parley:like-token");
  CHECK((*forget)["value"].is_null());
  const json* likes = effect(done, "fetch", "/api/likes");
  REQUIRE(likes);
  CHECK((*likes)["path"] == "/api/likes?site=blog&page=/2011/07/raids/");
}

TEST_CASE("Cancel keeps everything; Close (or Escape) hides the panel and returns the keyboard") {
  Reader ada("tok");
  send(ada.w, data_action("data", "login"));
  const Step counting = send(ada.w, data_action("data-delete"));
  send(ada.w, response(request_of(effect(counting, "fetch", "/api/me/data")), 200,
                       {{"comments", {{{"id", 1}, {"page", "/2011/07/raids/"}}}},
                        {"likes", json::array()}}));
  const Step kept = send(ada.w, data_action("data-delete-cancel"));
  CHECK(kept.effects.empty());
  CHECK(has(kept.html("data-body"), ">Download your data</button>"));
  CHECK_FALSE(has(kept.html("data-body"), "This cannot be undone"));
  CHECK(send(ada.w, data_action("data-delete-confirm")).effects.empty());

  const Step closed = send(ada.w, data_action("data-close"));
  const json* hide = closed.patch("attr", "data");
  REQUIRE(hide);
  CHECK((*hide)["value"] == "");
  CHECK(closed.patch("focus", "data-link-login"));
  // A stale button of the closed panel does nothing.
  CHECK(send(ada.w, data_action("data-download")).effects.empty());

  Reader guest("");
  send(guest.w, data_action("data"));
  CHECK(send(guest.w, data_action("data-close")).patch("focus", "data-link"));
}

TEST_CASE("a guest's panel: this browser's likes by its token, and the email page for comments") {
  Reader none("");
  const std::string empty = send(none.w, data_action("data")).html("data-body");
  CHECK(has(empty, "This browser has not liked anything on this site."));
  CHECK_FALSE(has(empty, "data-download"));
  CHECK(has(empty, R"(<a href="https://comments.example/privacy?site=blog" target="_blank")"));
  CHECK(has(empty, ">Comments you left with your email: ask for a link by email</a>"));

  Reader guest("", kLikeToken);
  const std::string panel = send(guest.w, data_action("data")).html("data-body");
  CHECK(has(panel, ">Download the likes of this browser</button>"));
  CHECK(has(panel, ">Delete the likes of this browser…</button>"));
  CHECK(has(panel, "/privacy?site=blog"));
  const Step asked = send(guest.w, data_action("data-download"));
  const json* get = effect(asked, "fetch", "/api/me/data");
  REQUIRE(get);
  CHECK((*get)["path"] == std::string("/api/me/data?site=blog&token=") + kLikeToken);
  CHECK_FALSE(get->contains("bearer"));
  send(guest.w, response(request_of(get), 200, {{"likes", json::array()}}));

  const Step counting = send(guest.w, data_action("data-delete"));
  const Step asking =
      send(guest.w, response(request_of(effect(counting, "fetch", "/api/me/data")), 200,
                             {{"comments", json::array()}, {"likes", {{{"page", "/a/"}}}}}));
  CHECK(has(asking.html("data-body"),
            "Delete 1 like of this browser on this site? This cannot be undone."));
  const Step sent = send(guest.w, data_action("data-delete-confirm"));
  const Step done = send(guest.w, response(request_of(effect(sent, "fetch", "/api/me/data")), 200,
                                           {{"deleted_comments", 0}, {"deleted_likes", 1}}));
  CHECK(done.html("data-message") == "Deleted 1 like.");
  // The token is gone: nothing of this browser is left to download.
  CHECK(has(done.html("data-body"), "This browser has not liked anything on this site."));
}

TEST_CASE("nothing to delete, an unreachable server and a refusal are said in the panel") {
  Reader ada("tok");
  send(ada.w, data_action("data", "login"));
  const Step counting = send(ada.w, data_action("data-delete"));
  const Step nothing =
      send(ada.w, response(request_of(effect(counting, "fetch", "/api/me/data")), 200,
                           {{"comments", json::array()}, {"likes", json::array()}}));
  CHECK(has(nothing.html("data-message"),
            "There is nothing to delete: you have no comments or likes on this site."));
  CHECK_FALSE(has(nothing.html("data-body"), "data-delete-confirm"));

  const Step asked = send(ada.w, data_action("data-download"));
  const Step lost = send(ada.w, {{"type", "response"},
                                 {"request", request_of(effect(asked, "fetch", "/api/me/data"))},
                                 {"status", 0},
                                 {"body", ""}});
  CHECK(lost.html("data-message") == "Could not reach the server. Try again.");
  CHECK(effect(lost, "download") == nullptr);

  const Step again = send(ada.w, data_action("data-download"));
  const Step refused = send(
      ada.w,
      response(request_of(effect(again, "fetch", "/api/me/data")), 503,
               {{"error", "unavailable"}, {"message", "Your data cannot be reached right now."}}));
  CHECK(has(refused.html("data-message"),
            "Your data could not be reached: Your data cannot be reached right now."));
}

TEST_CASE("the question and the outcome count in the reader's language") {
  const i18n::Catalog ru = i18n::Catalog::for_language("ru");
  const i18n::Use use(ru);
  CHECK(view::data_question(true, 2, 5) ==
        "Удалить все 2 комментария и 5 отметок, оставленные вами на этом сайте? Это действие "
        "нельзя отменить.");
  CHECK(view::data_deleted(true, 1, 21) == "Вы удалили 1 комментарий и 21 отметку.");
  const i18n::Catalog en;
  const i18n::Use english(en);
  CHECK(view::data_deleted(false, 0, 1) == "Deleted 1 like.");
}

}  // namespace parley::test
