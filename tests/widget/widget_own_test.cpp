// The reader's own comments (widget/own_flow.hpp): Edit and Delete while the edit window
// is open, the editor with its Markdown preview, the server's refusals next to the
// comment, the tokens remembered in localStorage, and others' edits and deletions live.
#include "widget_test_util.hpp"

using namespace parley::test;

namespace {

constexpr const char* kToken = "3.1764478823.c2lnbmVk";
constexpr std::int64_t kUntil = kNow + 15 * kMinute;

// Loaded, then the reader posts "Hello" and the server answers 201 with an edit token:
// comment 3, a top-level one.
struct Posted : Loaded {
  Step created;
  Posted() {
    const int id = post(w, "Hello *there*");
    json body = wire(3, 0, 0, "Cy", 0);
    body["edit_token"] = kToken;
    body["editable_until"] = kUntil;
    created = send(w, response(id, 201, body));
  }
};

json action(const char* name, std::int64_t id) {
  return {{"type", "action"}, {"action", name}, {"id", id}};
}

// The last html patch of `key` (a region may be emptied, then filled, in one step).
std::string last_html(const Step& s, std::string_view key) {
  std::string html = "<no html patch>";
  for (const json& p : s.patches) {
    if (p["op"] == "html" && p["key"] == key) html = p["html"].get<std::string>();
  }
  return html;
}

json live(const char* type, const json& comment) {
  return {
      {"type", "live"}, {"data", json{{"type", type}, {"comment", comment}}.dump()}, {"id", "9"}};
}

}  // namespace

TEST_CASE("own comments: a posted comment gets Edit and Delete, and its token is remembered") {
  Posted p;
  CHECK(p.created.html("own-3").find(R"(data-parley-action="edit")") != std::string::npos);
  CHECK(p.created.html("own-3").find(R"(data-parley-action="delete")") != std::string::npos);
  const json* save = effect(p.created, "save");
  REQUIRE(save);
  CHECK((*save)["key"] == "parley:edits:blog");
  CHECK((*save)["value"] ==
        json{{"3", {{"token", kToken}, {"until", kUntil}, {"text", "Hello *there*"}}}});
  // Others' comments get nothing.
  CHECK_FALSE(p.created.touches("own-1"));
}

TEST_CASE("own comments: the editor previews the Markdown and the save sends PUT with the token") {
  Posted p;
  const Step open = send(p.w, action("edit", 3));
  const std::string editor = open.html("body-3");
  CHECK(editor.find(R"(data-parley-field="edit")") != std::string::npos);
  CHECK(editor.find(">Hello *there*</textarea>") != std::string::npos);
  CHECK(editor.find("<em>there</em>") != std::string::npos);
  CHECK(open.html("own-3").empty());

  const Step typed = send(p.w, {{"type", "input"}, {"field", "edit"}, {"value", "Hello **you**"}});
  CHECK(typed.html("edit-preview") == "<p>Hello <strong>you</strong></p>\n");

  const Step save = send(p.w, action("edit-save", 3));
  const json* put = effect(save, "fetch");
  REQUIRE(put);
  CHECK((*put)["method"] == "PUT");
  CHECK((*put)["path"] == "/api/comments/3?site=blog");
  CHECK(json::parse((*put)["body"].get<std::string>()) ==
        json{{"edit_token", kToken}, {"text", "Hello **you**"}});

  json edited = wire(3, 0, 0, "Cy", 0);
  edited["html"] = "<p>Hello <strong>you</strong></p>\n";
  const Step done = send(p.w, response((*put)["request"].get<int>(), 200, edited));
  CHECK(done.html("body-3") == "<p>Hello <strong>you</strong></p>\n");
  CHECK(done.html("own-3").find("Your comment was updated.") != std::string::npos);
  const json* save_text = effect(done, "save");
  REQUIRE(save_text);
  CHECK((*save_text)["value"]["3"]["text"] == "Hello **you**");
}

TEST_CASE("own comments: a 400 keeps the editor with the field message next to it") {
  Posted p;
  send(p.w, action("edit", 3));
  send(p.w, {{"type", "input"}, {"field", "edit"}, {"value", " "}});
  const Step save = send(p.w, action("edit-save", 3));
  const json refused = {
      {"error", "invalid_fields"},
      {"errors",
       {{{"field", "text"}, {"code", "required"}, {"message", "Please write a comment."}}}}};
  const Step done = send(p.w, response(fetch_id(save), 400, refused));
  CHECK(done.html("edit-message") == "Please write a comment.");
  CHECK_FALSE(done.touches("body-3"));
}

TEST_CASE("own comments: a 403 takes the buttons away and says why, beside the comment") {
  Posted p;
  send(p.w, action("edit", 3));
  const Step save = send(p.w, action("edit-save", 3));
  const json refused = {{"error", "forbidden"},
                        {"message", "The time to edit or delete this comment is over."}};
  const Step done = send(p.w, response(fetch_id(save), 403, refused));
  CHECK(done.html("body-3") == "<p>by Cy</p>");  // the editor closed on the stored text
  const std::string note = last_html(done, "own-3");
  CHECK(note.find("The time to edit or delete this comment is over.") != std::string::npos);
  CHECK(note.find("data-parley-action") == std::string::npos);
  const json* forget = effect(done, "save");
  REQUIRE(forget);
  CHECK((*forget)["value"].is_null());
}

TEST_CASE("own comments: delete asks first, then sends DELETE; without replies it goes") {
  Posted p;
  const Step ask = send(p.w, action("delete", 3));
  CHECK(ask.html("own-3").find("Delete this comment?") != std::string::npos);
  const Step no = send(p.w, action("delete-cancel", 3));
  CHECK(no.html("own-3").find(R"(data-parley-action="edit")") != std::string::npos);
  send(p.w, action("delete", 3));
  const Step yes = send(p.w, action("delete-confirm", 3));
  const json* del = effect(yes, "fetch");
  REQUIRE(del);
  CHECK((*del)["method"] == "DELETE");
  CHECK(json::parse((*del)["body"].get<std::string>()) == json{{"edit_token", kToken}});
  json gone = wire(3, 0, 0, "", 0);
  gone["deleted"] = true;
  const Step done = send(p.w, response((*del)["request"].get<int>(), 200, gone));
  const json* hidden = done.patch("attr", "article-3");
  REQUIRE(hidden);
  CHECK((*hidden)["name"] == "hidden");
  CHECK(done.html("count") == "2 Responses to “Raids”");
}

TEST_CASE("own comments: start drops expired tokens and shows the buttons of open ones") {
  Widget w;
  json start = start_event();
  start["edits"] = {{"1", {{"token", "1.x.y"}, {"until", kNow + 60}, {"text", "by Ana"}}},
                    {"2", {{"token", "2.x.y"}, {"until", kNow - 1}, {"text", "old"}}}};
  const Step s = send(w, start);
  const json* save = effect(s, "save");
  REQUIRE(save);
  CHECK((*save)["value"] ==
        json{{"1", {{"token", "1.x.y"}, {"until", kNow + 60}, {"text", "by Ana"}}}});
  const json thread = {{"page", "/2011/07/raids/"},
                       {"count", 2},
                       {"comments", {wire(1, 0, 0, "Ana", 60), wire(2, 0, 0, "Bo", 90)}}};
  const json* get = effect(s, "fetch");
  REQUIRE(get);
  const Step loaded = send(w, response((*get)["request"].get<int>(), 200, thread));
  CHECK(loaded.html("own-1").find(R"(data-parley-action="edit")") != std::string::npos);
  CHECK_FALSE(loaded.touches("own-2"));
  // The window closes on a tick: the buttons go.
  const Step tick = send(w, {{"type", "tick"}, {"now", kNow + 61}});
  CHECK(tick.html("own-1").empty());
}

TEST_CASE("own comments: live edits and deletions from other pages") {
  Loaded l;
  json edited = wire(1, 0, 0, "Ana", 3 * 3600);
  edited["html"] = "<p>Ana, edited</p>";
  const Step e = send(l.w, live("comment.edited", edited));
  CHECK(e.html("body-1") == "<p>Ana, edited</p>");
  // Ana's comment has Bo's reply: the placeholder stays above it.
  json gone = wire(1, 0, 0, "", 3 * 3600);
  gone["deleted"] = true;
  const Step d = send(l.w, live("comment.deleted", gone));
  CHECK(d.html("body-1").find("This comment was deleted") != std::string::npos);
  const json* cls = d.patch("attr", "article-1");
  REQUIRE(cls);
  CHECK((*cls)["value"] == "parley-comment parley-deleted");
  CHECK(d.html("count") == "One Response to “Raids”");
}

TEST_CASE("a closed thread parleyd rendered keeps its form closed when the widget adopts it") {
  Widget w;
  json start = start_event();
  start["prerendered"] = json{{"site", "blog"},
                              {"page", "/2011/07/raids/"},
                              {"lang", "en"},
                              {"rendered_at", kNow},
                              {"count", 0},
                              {"closed", true},
                              {"comments", json::array()}}
                             .dump();
  const Step s = send(w, start);
  const json* notice = s.patch("prepend", "form-home");
  REQUIRE(notice);
  CHECK((*notice)["html"] == R"(<p class="parley-closed">Comments are closed.</p>)");
  CHECK(s.patch("attr", "form"));
}
