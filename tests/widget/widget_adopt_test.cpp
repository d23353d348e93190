// Taking over the thread parleyd rendered into the mount (widget/adopt_flow.cpp,
// docs/seo-nojs.md): the comments stay as they are and are not fetched again.
#include <doctest/doctest.h>

#include "widget_test_util.hpp"

using namespace parley::test;

namespace {

// The data script of core/view_static.hpp for the fixture page, rendered `age` ago.
json prerendered(std::int64_t age = 40, const char* page = "/2011/07/raids/",
                 const char* lang = "en") {
  return {{"site", "blog"},
          {"page", page},
          {"lang", lang},
          {"rendered_at", kNow - age},
          {"count", 2},
          {"comments", {wire(1, 0, 0, "Ana", 3 * 3600 + 600), wire(2, 1, 1, "Bo", 70)}}};
}

json start_with(const json& data) {
  json e = start_event();
  e["prerendered"] = data.is_string() ? data.get<std::string>() : data.dump();
  return e;
}

}  // namespace

TEST_CASE(
    "fresh pre-rendered data: the thread is kept, not fetched; the form becomes the widget's") {
  Widget w;
  const Step s = send(w, start_with(prerendered()));
  // The mount keeps parleyd's nodes (the default parts add a share bar before them).
  CHECK(s.patch("html", "root") == nullptr);
  CHECK_FALSE(s.touches("thread"));
  CHECK_FALSE(s.touches("count"));
  const std::string form = s.html("form-home");
  CHECK(form.find(R"(data-parley-action="preview")") != std::string::npos);
  CHECK(form.find("method=") == std::string::npos);
  // Bo's reply was "just now" when rendered 40 s ago and is "a minute ago" now: only his
  // date is patched.
  CHECK(s.html("date-2") == "a minute ago");
  CHECK_FALSE(s.touches("date-1"));
  REQUIRE(s.effects.size() == 3);
  CHECK(s.effects[0]["kind"] == "listen");
  CHECK(s.effects[1]["path"] == "/api/login?site=blog");  // the login offer (login_flow)
  CHECK(s.effects[2]["path"] == "/api/likes?site=blog&page=/2011/07/raids/");  // the Like block
  // The adopted comments are the widget's: Reply works on them.
  const Step reply = send(w, {{"type", "action"}, {"action", "reply"}, {"id", 2}});
  CHECK(reply.patch("move", "form") != nullptr);
}

TEST_CASE("the other parts are rendered around the adopted thread, in page order") {
  Widget w;
  json e = start_with(prerendered());
  e["parts"] = "share,comments,likes";
  e["share"] = {{"targets", "bluesky,copy"},
                {"url", "https://blog.example/2011/07/raids/"},
                {"title", "Raids"}};
  const Step s = send(w, e);
  // The share bar goes before the kept section; nothing replaces the mount's content.
  CHECK(s.patch("html", "root") == nullptr);
  CHECK_FALSE(s.touches("thread"));
  const json* first = s.patch("prepend", "root");
  REQUIRE(first != nullptr);
  const std::string bar = (*first)["html"].get<std::string>();
  CHECK(bar.find("parley-spread") != std::string::npos);
  CHECK(bar.find("https://bsky.app/intent/compose?text=") != std::string::npos);
  CHECK(bar.find("parley-comments") == std::string::npos);
  // The Like block goes after it; parleyd's comments have no hearts to patch.
  const json* last = s.patch("append", "root");
  REQUIRE(last != nullptr);
  CHECK((*last)["html"].get<std::string>().find(R"(class="parley-likes")") != std::string::npos);
  const json& likes = s.effects.back();
  REQUIRE(likes["path"] == "/api/likes?site=blog&page=/2011/07/raids/");
  const Step liked =
      send(w, response(likes["request"].get<int>(), 200,
                       {{"count", 1},
                        {"liked", false},
                        {"recent", json::array()},
                        {"comments", {{{"id", 1}, {"count", 2}, {"liked", false}}}}}));
  CHECK(liked.html("like-count-0") == "1 blogger likes this");
  CHECK_FALSE(liked.touches("like-1"));
  CHECK(send(w, {{"type", "action"}, {"action", "like"}, {"id", 1}}).effects.empty());

  // Only the comments: the mount is left exactly as parleyd rendered it, with only the
  // quiet "Your data" foot after it.
  Widget alone;
  json only = start_with(prerendered());
  only["parts"] = "comments";
  const Step kept = send(alone, only);
  CHECK(kept.patch("html", "root") == nullptr);
  CHECK(kept.patch("prepend", "root") == nullptr);
  const json* foot = kept.patch("append", "root");
  REQUIRE(foot != nullptr);
  const std::string added = (*foot)["html"].get<std::string>();
  CHECK(added.rfind(R"(<div class="parley-data-foot")", 0) == 0);
  CHECK(added.find("parley-likes") == std::string::npos);
}

TEST_CASE("old pre-rendered data (a static build) is kept on screen and refreshed once") {
  Widget w;
  const Step s = send(w, start_with(prerendered(3600)));
  CHECK(s.patch("html", "root") == nullptr);
  REQUIRE(s.effects.size() == 4);  // thread, live updates, the login offer, the likes
  CHECK(s.effects[0]["kind"] == "fetch");
  CHECK(s.effects[0]["path"] == "/api/comments?site=blog&page=/2011/07/raids/");
  const json body = {
      {"comments",
       {wire(1, 0, 0, "Ana", 3 * 3600 + 600), wire(2, 1, 1, "Bo", 55), wire(3, 0, 0, "Cy", 30)}}};
  const Step loaded = send(w, response(fetch_id(s), 200, body));
  CHECK(loaded.html("count") == "3 Responses to \u201CRaids\u201D");
  CHECK(loaded.html("thread").find(R"(id="parley-comment-3")") != std::string::npos);
}

TEST_CASE("data for another page, language or shape, or with owner overrides: render afresh") {
  for (const json& data : {prerendered(40, "/other/"), prerendered(40, "/2011/07/raids/", "de"),
                           json("not json"), json(R"({"site":"blog"})"),
                           json(R"({"site":"blog","page":"/2011/07/raids/","lang":"en",)"
                                R"("rendered_at":1,"comments":[{"id":"x"}]})")}) {
    Widget w;
    const Step s = send(w, start_with(data));
    CHECK(s.touches("root"));
    CHECK(s.effects[0]["kind"] == "fetch");
  }
  Widget w;
  json e = start_with(prerendered());
  e["strings"] = R"({"form.submit":"Send"})";
  const Step s = send(w, e);
  CHECK(s.touches("root"));
}

TEST_CASE("a rendering for another mount number on the page: render afresh") {
  json second = prerendered();
  second["id_prefix"] = "parley-2-";
  const auto adopted = [](json data, int mount) {
    Widget w;
    json e = start_with(data);
    if (mount) e["mount"] = mount;
    return send(w, e).patch("html", "root") == nullptr;
  };
  CHECK(adopted(prerendered(), 1));
  CHECK(adopted(second, 2));
  // An include made for the second mount in the first one's place, and the other way.
  CHECK_FALSE(adopted(second, 1));
  CHECK_FALSE(adopted(prerendered(), 2));
}

namespace {

// What the loader's early rendering carries (format=early, docs/seo-nojs.md): the comments'
// hearts are in the section, and the data leaves each comment's HTML out.
json early(json data = prerendered()) {
  data["hearts"] = true;
  for (json& c : data["comments"]) c["html"] = "";
  return data;
}

}  // namespace

TEST_CASE("an early rendering with hearts: the likes answer draws them and a heart likes") {
  Widget w;
  json e = start_with(early());
  e["random"] = "0123456789abcdef0123456789abcdef";  // the browser's token for a first like
  const Step s = send(w, e);
  CHECK(s.patch("html", "root") == nullptr);
  CHECK_FALSE(s.touches("thread"));
  const json* likes = effect(s, "fetch", "/api/likes?");
  REQUIRE(likes);
  const Step liked =
      send(w, response((*likes)["request"].get<int>(), 200,
                       {{"count", 0},
                        {"liked", false},
                        {"recent", json::array()},
                        {"comments", {{{"id", 1}, {"count", 2}, {"liked", true}}}}}));
  CHECK(liked.html("like-count-1") == "2");
  const json* pressed = liked.patch("attr", "like-1");
  REQUIRE(pressed);
  CHECK((*pressed)["value"] == "true");
  const Step like = send(w, {{"type", "action"}, {"action", "like"}, {"id", 2}});
  const json* post = effect(like, "fetch", "/api/likes?");
  REQUIRE(post);
  CHECK((*post)["method"] == "POST");
  CHECK(like.html("like-count-2") == "1");
}

TEST_CASE("an early rendering with hearts where the mount shows no likes: render afresh") {
  Widget w;
  json e = start_with(early());
  e["parts"] = "comments";
  const Step s = send(w, e);
  CHECK(s.touches("root"));
  CHECK(effect(s, "fetch", "/api/comments?"));
}

TEST_CASE("an adopted own comment without HTML in the data: Cancel shows its text rendered") {
  Widget w;
  json e = start_with(early());
  e["edits"] = {{"2", {{"token", "2.x.y"}, {"until", kNow + 600}, {"text", "Bo's *own*"}}}};
  const Step s = send(w, e);
  CHECK(s.html("own-2").find(R"(data-parley-action="edit")") != std::string::npos);
  send(w, {{"type", "action"}, {"action", "edit"}, {"id", 2}});
  const Step cancel = send(w, {{"type", "action"}, {"action", "edit-cancel"}, {"id", 2}});
  CHECK(cancel.html("body-2") == "<p>Bo&#39;s <em>own</em></p>\n");
}

TEST_CASE("live updates resume from the last event the rendering had seen") {
  Widget w;
  json data = early();
  data["last_event_id"] = "1764478823000042";
  const Step s = send(w, start_with(data));
  const json* listen = effect(s, "listen");
  REQUIRE(listen);
  CHECK((*listen)["path"] ==
        "/api/events?site=blog&page=/2011/07/raids/&last_event_id=1764478823000042");
  // Data without it (an older rendering): only events from now on, as before.
  Widget old;
  const Step o = send(old, start_with(prerendered()));
  CHECK((*effect(o, "listen"))["path"] == "/api/events?site=blog&page=/2011/07/raids/");
}

TEST_CASE("an early rendering of every part: the bar is replaced in place, the Like block kept") {
  Widget w;
  json data = early();
  data["parts"] = "share,likes,comments";
  json e = start_with(data);
  e["share"] = {{"targets", "bluesky,copy"},
                {"url", "https://blog.example/2011/07/raids/"},
                {"title", "Raids"}};
  const Step s = send(w, e);
  // Nothing goes above the comments: the bar takes the stand-in's place.
  CHECK(s.patch("prepend", "root") == nullptr);
  CHECK(s.patch("html", "root") == nullptr);
  CHECK_FALSE(s.touches("likes"));
  const json* bar = s.patch("replace", "spread");
  REQUIRE(bar);
  CHECK((*bar)["html"].get<std::string>().find("https://bsky.app/intent/compose?text=") !=
        std::string::npos);
  // The kept block is the widget's: the likes answer redraws it.
  const json* likes = effect(s, "fetch", "/api/likes?");
  REQUIRE(likes);
  const Step liked = send(
      w,
      response(
          (*likes)["request"].get<int>(), 200,
          {{"count", 3}, {"liked", true}, {"recent", json::array()}, {"comments", json::array()}}));
  CHECK(liked.html("like-count-0") == "3 bloggers like this");

  // Rendered for other parts than the mount shows (its attribute changed since): afresh.
  Widget other;
  json only = start_with(data);
  only["parts"] = "comments,likes";
  const Step o = send(other, only);
  CHECK(o.touches("root"));
  CHECK(effect(o, "fetch", "/api/comments?"));
}
