// Message catalogs: lookup, plural forms, fallbacks, owner overrides, and the
// completeness of every shipped catalog against English.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/dates.hpp"
#include "core/field_messages.hpp"
#include "core/i18n.hpp"
#include "core/i18n_data.hpp"
#include "core/plural.hpp"
#include "core/view_form.hpp"
#include "core/view_section.hpp"
#include "core/view_thread.hpp"

#include <nlohmann/json.hpp>

using nlohmann::json;
using parley::i18n::Catalog;

namespace {

constexpr std::array<std::string_view, 18> kRequired = {"en", "de", "fr",      "es", "it", "pt",
                                                        "nl", "pl", "ru",      "uk", "tr", "ar",
                                                        "he", "fa", "zh-Hans", "ja", "ko", "hi"};

json catalog_json(std::string_view tag) {
  for (const auto& c : parley::i18n::data::catalogs())
    if (c.tag == tag) return json::parse(c.json, nullptr, false);
  return json();
}

// "{n} Responses to “{title}”" -> {"n", "title"}
std::set<std::string> placeholders(const std::string& s) {
  std::set<std::string> out;
  for (std::size_t open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1)) {
    const std::size_t close = s.find('}', open);
    if (close == std::string::npos) break;
    out.insert(s.substr(open + 1, close - open - 1));
  }
  return out;
}

// Words outside placeholders: "{what}: {reason}" has none to translate.
int words(const std::string& s) {
  int n = 0;
  bool in_word = false;
  bool in_slot = false;
  for (const char c : s) {
    if (c == '{') in_slot = true;
    const bool letter = !in_slot && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    if (letter && !in_word) ++n;
    in_word = letter;
    if (c == '}') in_slot = false;
  }
  return n;
}

// The categories a language's integers can fall in (n = 0..200 covers every rule).
std::set<std::string> categories_used(std::string_view tag) {
  std::set<std::string> out;
  for (std::uint64_t n = 0; n <= 200; ++n)
    out.insert(std::string(parley::plural_category_name(parley::plural_category(tag, n))));
  return out;
}

}  // namespace

TEST_CASE("every required language ships a catalog") {
  std::set<std::string_view> shipped(parley::i18n::languages().begin(),
                                     parley::i18n::languages().end());
  for (const std::string_view tag : kRequired) {
    CAPTURE(tag);
    CHECK(shipped.count(tag) == 1);
    CHECK(catalog_json(tag).is_object());
  }
}

TEST_CASE("every catalog translates every English message, with its placeholders and plurals") {
  const json en = catalog_json("en");
  REQUIRE(en.is_object());
  for (const std::string_view tag : parley::i18n::languages()) {
    const json cat = catalog_json(tag);
    REQUIRE(cat.is_object());
    const std::set<std::string> needed = categories_used(tag);
    // Items by name, not structured bindings: clang 14 (Emscripten 3.1.6) cannot
    // capture those in doctest's CAPTURE lambdas.
    for (const auto& item : en.items()) {
      const std::string key = item.key();
      const json& english = item.value();
      CAPTURE(tag);
      CAPTURE(key);
      REQUIRE(cat.contains(key));
      const json& value = cat[key];
      if (english.is_string()) {
        REQUIRE(value.is_string());
        if (key == "@dir") continue;
        CHECK(placeholders(value.get<std::string>()) == placeholders(english.get<std::string>()));
        if (tag != "en" && words(english.get<std::string>()) > 1) {
          // Not left in English (single words like "Email" may legitimately match).
          CHECK(value.get<std::string>() != english.get<std::string>());
        }
      } else if (english.is_array()) {
        REQUIRE(value.is_array());
        CHECK(value.size() == english.size());
      } else {
        REQUIRE(value.is_object());
        // Each form the language's numbers can need is written out.
        for (const std::string& category : needed) {
          CAPTURE(category);
          CHECK(value.contains(category));
        }
        const auto english_slots = placeholders(english["other"].get<std::string>());
        for (const auto& form_item : value.items()) {
          const std::string category = form_item.key();
          const json& form = form_item.value();
          CAPTURE(category);
          const auto slots = placeholders(form.get<std::string>());
          // A singular form may spell the number out ("One Response"); nothing else.
          for (const std::string& s : slots) CHECK(english_slots.count(s) == 1);
          for (const std::string& s : english_slots)
            if (s != "n") CHECK(slots.count(s) == 1);
        }
      }
    }
    for (const auto& item : cat.items()) {
      const std::string key = item.key();
      CAPTURE(tag);
      CHECK_MESSAGE(en.contains(key), "key not in English: " << key);
    }
  }
}

TEST_CASE("a Reply button's accessible name contains its visible word (WCAG 2.5.3)") {
  const auto ascii_lower = [](std::string s) {
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
  };
  for (const std::string_view tag : parley::i18n::languages()) {
    CAPTURE(tag);
    const Catalog c = Catalog::for_language(tag);
    const std::string label = ascii_lower(c.text("comment.reply_label", {{"author", "X"}}));
    CHECK(label.find(ascii_lower(c.text("comment.reply"))) != std::string::npos);
  }
}

TEST_CASE("languages resolve from BCP 47 tags") {
  CHECK(Catalog::for_language("de").lang() == "de");
  CHECK(Catalog::for_language("de-AT").lang() == "de");
  CHECK(Catalog::for_language("PT-br").lang() == "pt");
  CHECK(Catalog::for_language("zh-Hans").lang() == "zh-Hans");
  CHECK(Catalog::for_language("zh-CN").lang() == "zh-Hans");
  CHECK(Catalog::for_language("zh").lang() == "zh-Hans");
  CHECK(Catalog::for_language("sw").lang() == "en");
  CHECK(Catalog::for_language("").lang() == "en");
  CHECK(Catalog::for_language("ar-EG").rtl());
  CHECK(Catalog::for_language("he").rtl());
  CHECK(Catalog::for_language("fa").dir() == "rtl");
  CHECK_FALSE(Catalog::for_language("ru").rtl());
}

TEST_CASE("plural forms follow CLDR per language") {
  const Catalog ru = Catalog::for_language("ru");
  CHECK(ru.count("date.minutes_ago", 1) == "1 минуту назад");
  CHECK(ru.count("date.minutes_ago", 3) == "3 минуты назад");
  CHECK(ru.count("date.minutes_ago", 5) == "5 минут назад");
  CHECK(ru.count("date.minutes_ago", 21) == "21 минуту назад");
  const Catalog ar = Catalog::for_language("ar");
  std::set<std::string> arabic;
  for (const std::uint64_t n : {0, 1, 2, 3, 11, 100}) arabic.insert(ar.count("thread.count", n));
  CHECK(arabic.size() == 6);  // zero, one, two, few, many, other all differ
  const Catalog en;
  CHECK(en.count("thread.count", 1) == "One Response");
  CHECK(en.count("thread.count", 2) == "2 Responses");
  // The requested tag picks the rule: pt-PT counts 0 as "other", Brazil as "one".
  CHECK(Catalog::for_language("pt-PT").count("thread.count", 0) == "0 respostas");
  CHECK(Catalog::for_language("pt-BR").count("thread.count", 0) == "0 resposta");
}

TEST_CASE("views render in the active catalog") {
  const Catalog de = Catalog::for_language("de");
  {
    const parley::i18n::Use use(de);
    CHECK(parley::view::responses_heading(2, "Razzien") == "2 Antworten auf „Razzien“");
    CHECK(parley::relative_time(10000, 10000 - 3 * 3600) == "vor 3 Stunden");
    CHECK(parley::long_date_utc(1248998400) == "31. Juli 2009");
    const std::string form = parley::view::respond_section({}).str();
    CHECK(form.find("Schreibe einen Kommentar") != std::string::npos);
    CHECK(form.find("Leave a Reply") == std::string::npos);
  }
  // The Use ended: English again.
  CHECK(parley::view::responses_heading(2, "Raids") == "2 Responses to \u201CRaids\u201D");
}

TEST_CASE("the comments section carries the catalog's lang and dir") {
  const Catalog he = Catalog::for_language("he-IL");
  const parley::i18n::Use use(he);
  const std::string html = parley::view::comments_section({"T", nullptr, 0, {}}).str();
  CHECK(html.find("lang=\"he\"") != std::string::npos);
  CHECK(html.find("dir=\"rtl\"") != std::string::npos);
}

TEST_CASE("owner overrides win over the catalog, per language when given") {
  Catalog c = Catalog::for_language("de");
  REQUIRE(c.override_with(R"({"form.title": "Sag etwas",
                             "fr": {"form.submit": "Envoyer"},
                             "de": {"form.submit": "Abschicken"},
                             "thread.count": {"one": "Ein Gedanke", "other": "{n} Gedanken"}})"));
  CHECK(c.text("form.title") == "Sag etwas");
  CHECK(c.text("form.submit") == "Abschicken");
  CHECK(c.count("thread.count", 1) == "Ein Gedanke");
  CHECK(c.count("thread.count", 7) == "7 Gedanken");
  CHECK(c.text("form.cancel") == Catalog::for_language("de").text("form.cancel"));
  // Not an object: nothing changes.
  CHECK_FALSE(c.override_with("[1,2]"));
  CHECK_FALSE(c.override_with("{oops"));
  CHECK(c.text("form.title") == "Sag etwas");
}

TEST_CASE("format fills placeholders and leaves unknown ones") {
  using parley::i18n::format;
  CHECK(format("{a} and {b}", {{"a", "1"}, {"b", "2"}}) == "1 and 2");
  CHECK(format("{a} {zz} {", {{"a", "x"}}) == "x {zz} {");
  CHECK(format("", {}) == "");
}

TEST_CASE("the wire catalog parleyd serves the widget speaks exactly like the built-in one") {
  for (const std::string_view tag : {"de-AT", "pt-BR", "ru", "ar", "ja", "zh-TW", "xx", ""}) {
    CAPTURE(tag);
    const Catalog built_in = Catalog::for_language(tag);
    const std::string wire = parley::i18n::wire_catalog(tag);
    const json parsed = json::parse(wire);
    CHECK(parsed["@lang"] == built_in.lang());
    const Catalog received = Catalog::from_wire(tag, wire);
    CHECK(received.lang() == built_in.lang());
    CHECK(received.rtl() == built_in.rtl());
    // Every English key, in the words and plural forms the server itself uses.
    for (const auto& [key, value] : parsed.items()) {
      if (key[0] == '@') continue;
      CHECK(received.text(key) == built_in.text(key));
    }
    for (const std::uint64_t n : {0, 1, 2, 3, 5, 11, 21, 101}) {
      CHECK(received.count("thread.count", n) == built_in.count("thread.count", n));
    }
  }
  // What is not a catalog (a proxy's error page) falls back to the built-in one.
  CHECK(Catalog::from_wire("de", "<html>").text("comment.reply") ==
        Catalog::for_language("de").text("comment.reply"));
}

TEST_CASE("a wire catalog tells core's field errors from a server's own words") {
  const std::string wire = parley::i18n::wire_catalog("de");
  // The wasm has no built-in English: the wire catalog carries the words it compares.
  CHECK(json::parse(wire)["@en"]["error.text.required"] == "Please type your comment text.");
  const Catalog de = Catalog::from_wire("de", wire);
  const parley::i18n::Use use(de);
  const parley::FieldError core_words{"text", "required", "Please type your comment text."};
  CHECK(parley::i18n::field_error(core_words) ==
        Catalog::for_language("de").text("error.text.required"));
  const parley::FieldError server_words{"text", "required", "This site takes comments in Latin."};
  CHECK(parley::i18n::field_error(server_words) == "This site takes comments in Latin.");
}
