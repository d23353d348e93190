// The thread reader (widget/thread_reader.cpp over core/json_reader.hpp) against the
// reading it replaced (nlohmann + comment_from_json), and JsonReader's strictness.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/json_reader.hpp"
#include "thread_reader_reference.hpp"
#include "widget/api.hpp"

using parley::Comment;
using parley::JsonReader;
namespace api = parley::widget::api;

namespace {

// Both readers on `body`: they must agree on accepting it, the flags and every comment.
void check_same(const std::string& body) {
  CAPTURE(body);
  std::vector<Comment> mine;
  std::vector<Comment> theirs;
  api::ThreadFlags my_flags;
  api::ThreadFlags their_flags;
  const bool ok = api::read_thread(body, mine, &my_flags);
  const std::optional<bool> expected =
      parley::test::reference_read_thread(body, theirs, their_flags);
  if (!expected) {  // the old reading threw on a non-boolean flag; this one reads false
    CHECK_FALSE(my_flags.closed);
    return;
  }
  REQUIRE(ok == *expected);
  if (!ok) return;
  CHECK(my_flags.closed == their_flags.closed);
  CHECK(my_flags.notify == their_flags.notify);
  REQUIRE(mine.size() == theirs.size());
  for (std::size_t i = 0; i < mine.size(); ++i)
    CHECK(parley::test::same_comment(mine[i], theirs[i]));
}

const std::string kAna =
    R"({"id":1,"parent":0,"depth":0,"author":"Ana","website":"https://ana.example/",)"
    R"("html":"<p>Hi \"there\" \u00e9\ud83d\ude00 \/ \\ \n</p>","created":1764477923})";
const std::string kBo =
    R"({"id":2,"parent":1,"depth":1,"author":"Bo","website":null,"html":"<p>b</p>",)"
    R"("created":1764477924,"verified":true,"provider":"github","provider_name":"GitHub",)"
    R"("avatar":"https://a.example/b.png","pinned":true,"extra":{"x":[1,2,{"y":null}]}})";

std::string thread(const std::string& items, const std::string& rest = "") {
  return R"({"comments":[)" + items + "]" + rest + "}";
}

}  // namespace

TEST_CASE("the thread reader reads what the old reading read, comment by comment") {
  std::vector<Comment> out;
  api::ThreadFlags flags;
  REQUIRE(
      api::read_thread(thread(kAna + "," + kBo, R"(,"closed":true,"notify":true)"), out, &flags));
  REQUIRE(out.size() == 2);
  CHECK(out[0].html == "<p>Hi \"there\" \u00e9\U0001F600 / \\ \n</p>");
  CHECK(out[1].provider_name == "GitHub");
  CHECK(out[1].pinned);
  CHECK(flags.closed);
  CHECK(flags.notify);
  check_same(thread(kAna + "," + kBo, R"(,"closed":true,"notify":true)"));
  check_same(thread(""));
}

TEST_CASE("the thread reader agrees with the old reading on odd and broken bodies") {
  const std::vector<std::string> bodies = {
      // Shapes that are not a thread.
      "",
      " ",
      "[]",
      "null",
      "{}",
      R"({"comments":{}})",
      R"({"comments":null})",
      R"({"comments":[1]})",
      R"({"comments":[[]]})",
      R"({"comments":["x"]})",
      // Not JSON: trailing commas, garbage after, bad literals, unclosed things.
      thread(kAna + ","),
      thread(kAna) + "x",
      thread(kAna) + "}",
      R"({"comments":[],})",
      R"({"comments":[]] })",
      R"({"comments":[] "x":1})",
      R"({"comments":[tru]})",
      R"({"comments":[nul]})",
      R"({"comments":[)",
      R"({"comments")",
      R"({"comments":)",
      R"({,"comments":[]})",
      R"({"comments":[,]})",
      // Strings: escapes, surrogates, control characters, invalid UTF-8.
      thread(R"({"id":1,"parent":0,"author":"a\u0000b","html":"","created":1})"),
      thread(R"({"id":1,"parent":0,"author":"\ud83d","html":"","created":1})"),
      thread(R"({"id":1,"parent":0,"author":"\ude00","html":"","created":1})"),
      thread(R"({"id":1,"parent":0,"author":"\ud83d\u0041","html":"","created":1})"),
      thread(R"({"id":1,"parent":0,"author":"\x","html":"","created":1})"),
      thread(R"({"id":1,"parent":0,"author":"\u12G4","html":"","created":1})"),
      thread("{\"id\":1,\"parent\":0,\"author\":\"a\tb\",\"html\":\"\",\"created\":1}"),
      thread("{\"id\":1,\"parent\":0,\"author\":\"\xC3\",\"html\":\"\",\"created\":1}"),
      thread("{\"id\":1,\"parent\":0,\"author\":\"\xED\xA0\x80\",\"html\":\"\",\"created\":1}"),
      thread("{\"id\":1,\"parent\":0,\"author\":\"\xF4\x90\x80\x80\",\"html\":\"\",\"created\":1}"),
      thread("{\"id\":1,\"parent\":0,\"author\":\"\xC0\xAF\",\"html\":\"\",\"created\":1}"),
      // Numbers: grammar, kinds and range.
      thread(R"({"id":1.0,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":1e2,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":-0,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":01,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":-,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":1.,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":1e,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":+1,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":9223372036854775807,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":9223372036854775808,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":18446744073709551615,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":18446744073709551616,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":-9223372036854775808,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":-9223372036854775809,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":1,"parent":0,"depth":-5,"author":"a","html":"","created":1})"),
      thread(R"({"id":1,"parent":0,"depth":5000,"author":"a","html":"","created":1})"),
      thread(R"({"id":1,"parent":0,"depth":2.5,"author":"a","html":"","created":1})"),
      // Members: missing, null, of another type, repeated (the last counts).
      thread(R"({"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":null,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":"1","parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":1,"parent":0,"author":null,"html":"","created":1})"),
      thread(R"({"id":1,"parent":0,"author":"a","html":"","created":1,"website":7})"),
      thread(R"({"id":1,"parent":0,"author":"a","html":"","created":1,"text":null})"),
      thread(R"({"id":"x","id":1,"parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":1,"id":"x","parent":0,"author":"a","html":"","created":1})"),
      thread(R"({"id":1,"parent":0,"author":"a","author":"b","html":"","created":1})"),
      thread(R"({"id":1,"parent":0,"author":"a","html":"","created":1,"verified":true})"),
      thread(R"({"id":1,"parent":0,"author":"a","html":"","created":1,"verified":true,)"
             R"("provider":""})"),
      thread(R"({"id":1,"parent":0,"author":"a","html":"","created":1,"verified":false,)"
             R"("provider":"gh"})"),
      thread(R"({"id":1,"parent":0,"author":"a","html":"","created":1,"verified":"yes",)"
             R"("provider":"gh"})"),
      thread(R"({"id":1,"parent":0,"author":"a","html":"","created":1,"verified":true,)"
             R"("provider":"gh","avatar":1})"),
      thread(R"({"id":1,"parent":0,"author":"a","html":"","created":1,"deleted":true,)"
             R"("pinned":1})"),
      thread(kAna, R"(,"comments":[])"),
      R"({"comments":[],"comments":[)" + kAna + "]}",
      R"({"comments":[)" + kAna + R"(],"comments":7})",
      // Flags of other types (the old reading threw), and flags before the comments.
      thread(kAna, R"(,"closed":"yes")"),
      thread(kAna, R"(,"notify":null)"),
      R"({"closed":true,"notify":false,"comments":[)" + kBo + "]}",
      // Whitespace everywhere JSON allows it.
      " \t\r\n{ \"comments\" : [ " + kAna + " , " + kBo + " ] , \"closed\" : false } \n",
  };
  for (const std::string& body : bodies) check_same(body);
}

TEST_CASE("past the comment limit, items are only read past") {
  std::string items;
  for (std::size_t i = 0; i < parley::limits::kMaxThreadComments; ++i) items += kAna + ",";
  check_same(thread(items + "7"));                        // a broken item past the limit
  check_same(thread(items + R"({"id":[1,{"a":"b"}]})"));  // nested, past the limit
  check_same(thread(items + "7,"));                       // but still JSON
}

TEST_CASE("JsonReader skips any depth without recursion and latches its first error") {
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  JsonReader r(deep);
  CHECK(r.skip());
  CHECK(r.done());
  // The reader keeps a view: the text must outlive it (a temporary here was freed at once).
  const std::string open_only(200000, '[');
  JsonReader unclosed(open_only);
  CHECK_FALSE(unclosed.skip());
  CHECK(unclosed.failed());
  CHECK_FALSE(unclosed.done());
  std::string s;
  CHECK_FALSE(unclosed.read_string(s));
  JsonReader text(R"("a\u00e9\n")");
  REQUIRE(text.read_string(s));
  CHECK(s == "a\u00e9\n");
  CHECK(text.done());
}
