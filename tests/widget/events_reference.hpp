// parse_event as it was before core's JsonObject (issue 7): nlohmann::json, find() and
// its type checks. The oracle tests/widget/events_test.cpp and fuzz/fuzz_json_object.cpp
// hold widget/events.cpp to, through describe(): every field of the event, or its error.
#pragma once

#include <limits>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "core/view_form.hpp"
#include "widget/events.hpp"

namespace parley::test::old_events {

using namespace parley::widget;

using nlohmann::json;

// JS numbers are doubles: integers beyond 2^53 are not exact there, so a larger
// "integer" from the host is not one.
constexpr double kMaxSafeInteger = 9007199254740991.0;

// Lenient readers: a missing or mistyped member reads as empty, so one bad member
// cannot take the widget down; the state machine then treats it like no input.
inline std::string str(const json& j, const char* name) {
  const auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline std::optional<std::int64_t> integer(const json& j, const char* name) {
  const auto it = j.find(name);
  if (it == j.end()) return std::nullopt;
  if (it->is_number_integer()) return it->get<std::int64_t>();
  if (it->is_number_float()) {
    const double d = it->get<double>();
    if (d >= -kMaxSafeInteger && d <= kMaxSafeInteger) return static_cast<std::int64_t>(d);
  }
  return std::nullopt;
}

inline int small_int(const json& j, const char* name) {
  const std::int64_t v = integer(j, name).value_or(0);
  if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) return 0;
  return static_cast<int>(v);
}

inline bool boolean(const json& j, const char* name) {
  const auto it = j.find(name);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

inline ShareStart share_start(const json& j) {
  ShareStart e;
  const auto share = j.find("share");
  if (share == j.end() || !share->is_object()) return e;
  const json& o = *share;
  e.targets = str(o, "targets");
  e.style = str(o, "style");
  e.via = str(o, "via");
  e.hashtags = str(o, "hashtags");
  e.url = str(o, "url");
  e.title = str(o, "title");
  e.description = str(o, "description");
  e.image = str(o, "image");
  e.can_share = boolean(o, "can_share");
  e.touch = boolean(o, "touch");
  const auto clicks = o.find("clicks");
  e.clicks = clicks == o.end() || !clicks->is_boolean() || clicks->get<bool>();
  const auto server = o.find("server");
  if (server != o.end() && server->is_object()) {
    e.server = str(*server, "host");
    e.software = str(*server, "software");
  }
  return e;
}

// A member that may instead travel as the event's payload (parse_event).
inline std::string str_or(const json& j, const char* name, std::string& payload) {
  return j.contains(name) ? str(j, name) : std::move(payload);
}

inline StartEvent start(const json& j, std::string& payload) {
  StartEvent e{str(j, "site"),
               str(j, "page"),
               str(j, "title"),
               integer(j, "now").value_or(0),
               std::nullopt,
               str(j, "lang"),
               str(j, "strings"),
               str_or(j, "prerendered", payload),
               str(j, "parts"),
               share_start(j),
               str(j, "origin"),
               str(j, "token"),
               str(j, "instance"),
               str(j, "like_token"),
               str(j, "random"),
               str(j, "catalog"),
               {},
               boolean(j, "pow")};
  e.api = str(j, "api");
  const auto edits = j.find("edits");
  if (edits != j.end() && edits->is_object()) e.edits = edits->dump();
  const auto saved = j.find("saved");
  if (saved != j.end() && saved->is_object()) {
    e.saved = Saved{str(*saved, "author"), str(*saved, "email"), str(*saved, "website")};
  }
  return e;
}

inline SubmitEvent submit(const json& j) {
  const auto fields = j.find("fields");
  if (fields == j.end() || !fields->is_object()) {
    SubmitEvent e;
    e.form = str(j, "form");
    return e;
  }
  const json& f = *fields;
  return {str(j, "form"),
          str(f, "server"),
          str(f, "text"),
          str(f, "author"),
          str(f, "email"),
          str(f, "website"),
          boolean(f, "save"),
          str(f, view::kHoneypotField.data()),
          boolean(f, view::kNotifyField.data()),
          boolean(f, view::kNotifyPostsField.data())};
}

inline ParsedEvent reference_parse_event(std::string_view json_text, std::string payload = {}) {
  const json j = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return {std::nullopt, "event is not a JSON object"};
  const std::string type = str(j, "type");
  if (type == "start") return {start(j, payload), {}};
  if (type == "response") {
    return {ResponseEvent{small_int(j, "request"), small_int(j, "status"),
                          str_or(j, "body", payload), integer(j, "retry_after")},
            {}};
  }
  if (type == "input" || type == "blur") {
    return {FieldEvent{type == "blur", str(j, "field"), str(j, "value")}, {}};
  }
  if (type == "action") {
    return {ActionEvent{str(j, "action"), integer(j, "id").value_or(0), str(j, "value")}, {}};
  }
  if (type == "submit") return {submit(j), {}};
  if (type == "tick") return {TickEvent{integer(j, "now").value_or(0)}, {}};
  if (type == "login") {
    return {
        LoginEvent{str(j, "token"), str(j, "error"), boolean(j, "closed"), boolean(j, "blocked")},
        {}};
  }
  if (type == "live") {
    return {LiveEvent{str_or(j, "data", payload), str(j, "id"), boolean(j, "closed")}, {}};
  }
  if (type == "copied") return {CopiedEvent{boolean(j, "ok")}, {}};
  if (type == "spread") return {SpreadEvent{str(j, "target")}, {}};
  if (type == "resume") return {ResumeEvent{}, {}};
  if (type == "worked") return {WorkedEvent{str(j, "challenge"), str(j, "nonce")}, {}};
  return {std::nullopt, "unknown event type \"" + type + "\""};
}

}  // namespace parley::test::old_events

namespace parley::test {

using nlohmann::json;
using namespace parley::widget;

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

inline json opt(const std::optional<std::int64_t>& v) {
  return v ? json(*v) : json("none");
}

// The edits text is kept as the host wrote it, where nlohmann re-dumped it: what counts
// is what load_own reads from it, which is nlohmann's view of it.
inline json edits(const std::string& text) {
  return text.empty() ? json("") : json::parse(text);
}

inline std::string describe(const ParsedEvent& p) {
  if (!p.event) return "error: " + p.error;
  return std::visit(
      Overloaded{
          [](const StartEvent& e) {
            const ShareStart& s = e.share;
            json saved =
                e.saved ? json{e.saved->author, e.saved->email, e.saved->website} : json("none");
            return json{"start",       e.site,         e.title,     e.page,        e.now,
                        saved,         e.lang,         e.strings,   e.prerendered, e.parts,
                        e.origin,      e.token,        e.instance,  e.like_token,  e.random,
                        e.catalog,     edits(e.edits), e.pow,       e.api,         s.targets,
                        s.style,       s.via,          s.hashtags,  s.url,         s.title,
                        s.description, s.image,        s.can_share, s.touch,       s.clicks,
                        s.server,      s.software}
                .dump();
          },
          [](const ResponseEvent& e) {
            return json{"response", e.request, e.status, e.body, opt(e.retry_after)}.dump();
          },
          [](const FieldEvent& e) {
            return json{"field", e.blur, e.field, e.value}.dump();
          },
          [](const ActionEvent& e) {
            return json{"action", e.action, e.id, e.value}.dump();
          },
          [](const SubmitEvent& e) {
            return json{"submit",  e.form, e.server,   e.text,           e.author,      e.email,
                        e.website, e.save, e.honeypot, e.notify_replies, e.notify_posts}
                .dump();
          },
          [](const TickEvent& e) {
            return json{"tick", e.now}.dump();
          },
          [](const LiveEvent& e) {
            return json{"live", e.data, e.id, e.closed}.dump();
          },
          [](const CopiedEvent& e) {
            return json{"copied", e.ok}.dump();
          },
          [](const SpreadEvent& e) {
            return json{"spread", e.target}.dump();
          },
          [](const ResumeEvent&) { return std::string("resume"); },
          [](const LoginEvent& e) {
            return json{"login", e.token, e.error, e.closed, e.blocked}.dump();
          },
          [](const WorkedEvent& e) {
            return json{"worked", e.challenge, e.nonce}.dump();
          },
      },
      *p.event);
}

}  // namespace parley::test
