// The widget in the reader's language: the host's `lang` picks the catalog for the
// whole conversation, owners' `strings` override it, and every message the state
// machine produces (views, statuses, field errors, dates) follows.
#include <doctest/doctest.h>

#include "widget_test_util.hpp"

using namespace parley::test;

namespace {

json start_in(std::string_view lang, std::string_view strings = "") {
  json e = start_event();
  e["lang"] = lang;
  if (!strings.empty()) e["strings"] = strings;
  return e;
}

json thread_body() {
  return {{"page", "/2011/07/raids/"},
          {"count", 3},
          {"comments",
           {wire(1, 0, 0, "Ana", 3 * 3600), wire(2, 1, 1, "Bo", 90), wire(3, 0, 0, "Cy", 5 * 60)}}};
}

bool has(const std::string& s, std::string_view needle) {
  return s.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("lang=de renders the section, thread and dates in German") {
  Widget w;
  const Step start = send(w, start_in("de-DE"));
  const std::string root = start.html("root");
  CHECK(has(root, "lang=\"de\""));
  CHECK(has(root, "dir=\"ltr\""));
  CHECK(has(root, "Schreibe einen Kommentar"));
  CHECK(has(root, "Kommentare werden geladen"));
  CHECK_FALSE(has(root, "Leave a Reply"));

  const Step loaded = send(w, response(fetch_id(start), 200, thread_body()));
  CHECK(loaded.html("count") == "3 Antworten auf \u201ERaids\u201C");
  const std::string thread = loaded.html("thread");
  CHECK(has(thread, "vor 3 Stunden"));
  CHECK(has(thread, "vor einer Minute"));
  CHECK(has(thread, "aria-label=\"Ana antworten\""));

  const Step reply = send(w, {{"type", "action"}, {"action", "reply"}, {"id", 1}});
  CHECK(has(reply.html("form-title"), "Antwort an <span class=\"parley-reply-to\">Ana</span>"));
  CHECK(has(reply.html("form-title"), "Antworten abbrechen"));
}

TEST_CASE("field errors and statuses follow the language") {
  Widget w;
  const Step start = send(w, start_in("ru"));
  send(w, response(fetch_id(start), 200, thread_body()));
  const Step bad = send(w, submit_event("   ", "", "nope"));
  CHECK(bad.html("error-text") == "Введите текст комментария.");
  CHECK(bad.html("error-author") == "Введите ваше имя.");
  CHECK(has(bad.html("error-email"), "Введите правильный адрес email"));
  CHECK(bad.html("status") == "Исправьте отмеченные поля.");

  const int request = post(w);
  const Step limited = send(w, {{"type", "response"},
                                {"request", request},
                                {"status", 429},
                                {"body", "{}"},
                                {"retry_after", 22}});
  // 22 is "few" in Russian: секунды, not секунд.
  CHECK(limited.html("status") ==
        "Вы комментируете слишком часто. Попробуйте снова через 22 секунды.");
}

TEST_CASE("Arabic renders right to left with its six plural forms") {
  Widget w;
  const Step start = send(w, start_in("ar"));
  CHECK(has(start.html("root"), "dir=\"rtl\""));
  CHECK(has(start.html("root"), "lang=\"ar\""));
  const Step loaded = send(w, response(fetch_id(start), 200, thread_body()));
  CHECK(loaded.html("count") ==
        "3 ردود على \u201D"
        "Raids"
        "\u201C");
}

TEST_CASE("an unknown or missing language falls back to English") {
  Widget w;
  const std::string root = send(w, start_in("tlh")).html("root");
  CHECK(has(root, "lang=\"en\""));
  CHECK(has(root, "Leave a Reply"));
  Widget plain;
  CHECK(has(send(plain, start_event()).html("root"), "Leave a Reply"));
}

TEST_CASE("owner overrides replace catalog strings, per language and plural") {
  Widget w;
  const Step start = send(w, start_in("de", R"({"form.title": "Was meinst du?",
      "thread.count_to": {"one": "Ein Gedanke zu {title}", "other": "{n} Gedanken zu {title}"},
      "fr": {"form.submit": "Envoyer"}})"));
  const std::string root = start.html("root");
  CHECK(has(root, "Was meinst du?"));
  CHECK(has(root, "Kommentar abschicken"));  // the French override is not for German
  const Step loaded = send(w, response(fetch_id(start), 200, thread_body()));
  CHECK(loaded.html("count") == "3 Gedanken zu Raids");
}

TEST_CASE("malformed overrides are ignored, not fatal") {
  Widget w;
  const std::string root = send(w, start_in("en", "{not json")).html("root");
  CHECK(has(root, "Leave a Reply"));
}

TEST_CASE("owner overrides are escaped like any text") {
  Widget w;
  const std::string root =
      send(w, start_in("en", R"({"form.title": "<img src=x onerror=alert(1)>"})")).html("root");
  CHECK(has(root, "&lt;img src=x onerror=alert(1)&gt;"));
  CHECK_FALSE(has(root, "<img"));
}

TEST_CASE("every validation message core gives is translated, not passed through in English") {
  // Core's English sentences must be the English catalog's, or the widget could not
  // recognise them; each case here is one error a reader can cause by typing.
  Widget w;
  const Step start = send(w, start_in("de"));
  send(w, response(fetch_id(start), 200, thread_body()));
  const std::string long_text(parley::limits::kMaxTextChars + 1, 'a');
  const std::string long_name(parley::limits::kMaxAuthorChars + 1, 'b');
  const Step s1 = send(w, submit_event(long_text.c_str(), long_name.c_str(), ""));
  CHECK(s1.html("error-text") == "Dein Kommentar ist zu lang (höchstens 10000 Zeichen).");
  CHECK(s1.html("error-author") == "Dein Name ist zu lang (höchstens 100 Zeichen).");
  CHECK(s1.html("error-email") == "Bitte gib deine E-Mail-Adresse ein.");
  const json website = {{"type", "submit"},
                        {"fields",
                         {{"text", "Hallo"},
                          {"author", std::string("Bo\x01")},
                          {"email", "bo@example.org"},
                          {"website", "ftp://bo.example"},
                          {"save", false}}}};
  const Step s2 = send(w, website);
  CHECK(s2.html("error-author") == "Dein Name enthält Zeichen, die nicht verwendet werden können.");
  CHECK(s2.html("error-website") ==
        "Bitte gib eine Webadresse ein, die mit http:// oder https:// beginnt.");
}

TEST_CASE("a server's own wording for a field error is shown as the server wrote it") {
  Widget w;
  const Step start = send(w, start_in("de"));
  send(w, response(fetch_id(start), 200, thread_body()));
  const int request = post(w);
  const json body = {
      {"error", "invalid"},
      {"message", "Invalid comment."},
      {"errors",
       {{{"field", "email"}, {"code", "invalid"}, {"message", "That address bounces."}},
        {{"field", "author"}, {"code", "required"}, {"message", "Please enter your name."}}}}};
  const Step s = send(w, response(request, 400, body));
  CHECK(s.html("error-email") == "That address bounces.");
  CHECK(s.html("error-author") == "Bitte gib deinen Namen ein.");
}
