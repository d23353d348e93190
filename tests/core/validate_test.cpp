#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/comment_json.hpp"
#include "core/guest_mode.hpp"
#include "core/limits.hpp"
#include "core/validate.hpp"

using parley::Draft;

namespace {

Draft good() {
  Draft d;
  d.page = "/2011/07/raids/";
  d.title = "New Report";
  d.text = "Thanks for *this*.";
  d.author = "Ana";
  d.email = "ana@example.org";
  d.website = "https://ana.example";
  return d;
}

std::string first_field(const parley::FieldErrors& e) {
  return e.empty() ? "" : e.front().field;
}

}  // namespace

TEST_CASE("a complete draft is valid") {
  CHECK(parley::validate(good()).empty());
}

TEST_CASE("empty required fields each get their own message, in form order") {
  Draft d = good();
  d.text = d.author = d.email = "";
  const auto errors = parley::validate(d);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].field == "text");
  CHECK(errors[0].message == "Please type your comment text.");
  CHECK(errors[1].field == "author");
  CHECK(errors[1].message == "Please enter your name.");
  CHECK(errors[2].field == "email");
  CHECK(errors[2].code == "required");
}

TEST_CASE("an anonymous guest (guest mode \"allowed\") may leave name and email empty") {
  Draft d = good();
  d.author = d.email = d.website = "";
  CHECK(parley::validate(d, parley::Author::anonymous_guest).empty());
  // What is given is still checked, one message per field, in form order.
  d.email = "ana@";
  d.website = "ftp://ana.example";
  auto errors = parley::validate(d, parley::Author::anonymous_guest);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].field == "email");
  CHECK(errors[0].code == "invalid");
  CHECK(errors[1].field == "website");
  d = good();
  d.author = std::string(parley::limits::kMaxAuthorChars + 1, 'a');
  CHECK(first_field(parley::validate(d, parley::Author::anonymous_guest)) == "author");
  d.author = "Ana\x01";
  CHECK(first_field(parley::validate(d, parley::Author::anonymous_guest)) == "author");
  // The comment text is required whoever posts.
  d = good();
  d.text = "";
  CHECK(first_field(parley::validate(d, parley::Author::anonymous_guest)) == "text");
}

TEST_CASE("guest modes: names, the default, and the validation each asks for") {
  using parley::GuestMode;
  for (const GuestMode m : {GuestMode::allowed, GuestMode::required_fields, GuestMode::disabled}) {
    CHECK(parley::guest_mode_from_name(parley::guest_mode_name(m)) == m);
  }
  CHECK(parley::guest_mode_name(GuestMode::required_fields) == "required-fields");
  CHECK_FALSE(parley::guest_mode_from_name("Allowed").has_value());
  CHECK_FALSE(parley::guest_mode_from_name("").has_value());
  CHECK(parley::kDefaultGuestMode == GuestMode::required_fields);
  Draft d = good();
  d.author = d.email = "";
  CHECK(parley::validate(d, parley::guest_author(GuestMode::allowed)).empty());
  CHECK(parley::validate(d, parley::guest_author(GuestMode::required_fields)).size() == 2);
  CHECK(parley::validate(d, parley::guest_author(GuestMode::disabled)).size() == 2);
}

TEST_CASE("too long fields are refused with the limit in the message") {
  Draft d = good();
  d.text = std::string(parley::limits::kMaxTextChars + 1, 'x');
  auto errors = parley::validate(d);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "too_long");
  CHECK(errors[0].message.find("10000") != std::string::npos);
  // The limit is in characters, not bytes: 10,000 "é" (20,000 bytes) fit.
  d.text.clear();
  for (std::size_t i = 0; i < parley::limits::kMaxTextChars; ++i) d.text += "é";
  CHECK(parley::validate(d).empty());
  d = good();
  d.author = std::string(parley::limits::kMaxAuthorChars + 1, 'a');
  CHECK(first_field(parley::validate(d)) == "author");
}

TEST_CASE("emails") {
  CHECK(parley::is_valid_email("a@b.co"));
  CHECK(parley::is_valid_email("first.last+tag@sub.example.org"));
  CHECK_FALSE(parley::is_valid_email("no-at-sign"));
  CHECK_FALSE(parley::is_valid_email("@example.org"));
  CHECK_FALSE(parley::is_valid_email("a@nodot"));
  CHECK_FALSE(parley::is_valid_email("a b@example.org"));
  CHECK_FALSE(parley::is_valid_email("a@-bad-.org"));
  CHECK_FALSE(parley::is_valid_email("a@ex..org"));
  CHECK_FALSE(parley::is_valid_email("<a>@example.org"));
}

TEST_CASE("websites must be http(s) URLs with a real host") {
  CHECK(parley::is_valid_website(""));
  CHECK(parley::is_valid_website("https://example.org"));
  CHECK(parley::is_valid_website("HTTP://Example.org:8080/path?q=1#x"));
  CHECK(parley::is_valid_website("http://localhost:3000/"));
  CHECK_FALSE(parley::is_valid_website("javascript:alert(1)"));
  CHECK_FALSE(parley::is_valid_website("JaVaScRiPt:alert(1)"));
  CHECK_FALSE(parley::is_valid_website("data:text/html,<script>"));
  CHECK_FALSE(parley::is_valid_website("example.org"));
  CHECK_FALSE(parley::is_valid_website("https://"));
  CHECK_FALSE(parley::is_valid_website("https://a b.org"));
  CHECK_FALSE(parley::is_valid_website("https://user@evil.org"));
  CHECK_FALSE(parley::is_valid_website("https://ex.org\"onmouseover=\"x"));
  CHECK_FALSE(parley::is_valid_website("https://ex.org:99999999"));
  Draft d = good();
  d.website = "javascript:alert(1)";
  const auto errors = parley::validate(d);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].field == "website");
  CHECK(errors[0].message == "Please enter a web address starting with http:// or https://.");
}

TEST_CASE("control characters and bad UTF-8 are refused, newlines only in the text") {
  Draft d = good();
  d.author = "Ana\nEvil";
  CHECK(first_field(parley::validate(d)) == "author");
  d = good();
  d.text = "line one\nline two\ttab";
  CHECK(parley::validate(d).empty());
  d.text = "bell\x07";
  CHECK(parley::validate(d).at(0).code == "invalid");
  d.text = "bad \xC3(";
  CHECK(parley::validate(d).at(0).code == "bad_utf8");
}

TEST_CASE("page keys are paths or http(s) URLs") {
  CHECK(parley::is_valid_page_key("/"));
  CHECK(parley::is_valid_page_key("https://blog.example/post"));
  CHECK_FALSE(parley::is_valid_page_key(""));
  CHECK_FALSE(parley::is_valid_page_key("post"));
  CHECK_FALSE(parley::is_valid_page_key("/a\nb"));
  CHECK_FALSE(parley::is_valid_page_key(std::string(parley::limits::kMaxPageChars + 1, '/')));
}

TEST_CASE("normalize trims one-line fields and unifies line endings") {
  Draft d = good();
  d.author = "  Ana  ";
  d.email = "\tana@example.org ";
  d.text = "\n\n  indented code\r\nnext\rlast  \n\n";
  parley::normalize(d);
  CHECK(d.author == "Ana");
  CHECK(d.email == "ana@example.org");
  CHECK(d.text == "  indented code\nnext\nlast");
  Draft again = d;
  parley::normalize(again);
  CHECK(again.text == d.text);  // idempotent
  Draft blank = good();
  blank.text = " \r\n \t ";
  parley::normalize(blank);
  CHECK(blank.text.empty());
}

TEST_CASE("draft_from_json reports wrong types per field instead of throwing") {
  Draft d;
  const auto errors = parley::draft_from_json(
      nlohmann::json{{"text", 5}, {"author", "Ana"}, {"parent", "x"}, {"email", nullptr}}, d);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].field == "text");
  CHECK(errors[1].field == "parent");
  CHECK(d.author == "Ana");
  CHECK(d.email.empty());
  CHECK(parley::draft_from_json(nlohmann::json::array(), d).size() == 1);
  Draft neg;
  CHECK(parley::draft_from_json(nlohmann::json{{"parent", -3}}, neg).at(0).field == "parent");
}

TEST_CASE("the public wire form never carries the email") {
  parley::Comment c;
  c.id = 7;
  c.author = "Ana";
  c.html = "<p>x</p>";
  const auto j = parley::comment_to_json(c);
  CHECK_FALSE(j.contains("email"));
  CHECK_FALSE(j.contains("text"));
  parley::Comment back;
  REQUIRE(parley::comment_from_json(j, back));
  CHECK(back.id == 7);
  CHECK(back.html == "<p>x</p>");
  CHECK_FALSE(parley::comment_from_json(nlohmann::json{{"id", "7"}}, back));
  CHECK_FALSE(j.contains("deleted"));
  c.deleted = true;
  const auto placeholder = parley::comment_to_json(c);
  CHECK(placeholder["deleted"] == true);
  REQUIRE(parley::comment_from_json(placeholder, back));
  CHECK(back.deleted);
}

TEST_CASE("a pinned comment says so on the wire; others carry no pinned member") {
  parley::Comment c;
  c.id = 3;
  c.author = "Ana";
  c.html = "<p>x</p>";
  CHECK_FALSE(parley::comment_to_json(c).contains("pinned"));
  c.pinned = true;
  const auto j = parley::comment_to_json(c);
  CHECK(j.at("pinned") == true);
  parley::Comment back;
  REQUIRE(parley::comment_from_json(j, back));
  CHECK(back.pinned);
  REQUIRE(parley::comment_from_json(parley::comment_to_json(parley::Comment{}), back));
  CHECK_FALSE(back.pinned);
}

// The form's two mail boxes: "Notify me of follow-up comments" and "of new posts".
struct MailFlag {
  const char* name;
  bool Draft::*member;
};
constexpr MailFlag kMailFlags[] = {{"notify_replies", &Draft::notify_replies},
                                   {"notify_posts", &Draft::notify_posts}};

TEST_CASE("mail about replies or new posts needs an email address, whatever the guest mode") {
  for (const MailFlag& flag : kMailFlags) {
    CAPTURE(flag.name);
    Draft d = good();
    d.author = d.email = "";
    d.*flag.member = true;
    const auto errors = parley::validate(d, parley::Author::anonymous_guest);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "email");
    CHECK(errors[0].code == "required");
    d.email = "ana@example.org";
    CHECK(parley::validate(d, parley::Author::anonymous_guest).empty());
  }
}

TEST_CASE("each mail flag travels in the draft's JSON only when asked for, alone") {
  for (const MailFlag& flag : kMailFlags) {
    CAPTURE(flag.name);
    Draft d = good();
    CHECK_FALSE(parley::draft_to_json(d).contains(flag.name));
    d.*flag.member = true;
    Draft back;
    CHECK(parley::draft_from_json(parley::draft_to_json(d), back).empty());
    CHECK(back.*flag.member);
    CHECK(back.notify_replies + back.notify_posts == 1);  // the other stays unasked
    for (const nlohmann::json& bad : {nlohmann::json("yes"), nlohmann::json(1)}) {
      const auto errors = parley::draft_from_json(nlohmann::json{{flag.name, bad}}, back);
      REQUIRE(errors.size() == 1);
      CHECK(errors[0].field == flag.name);
    }
  }
}
