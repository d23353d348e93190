#include "events.hpp"

#include <algorithm>
#include <limits>

#include "core/json_object.hpp"
#include "core/view_form.hpp"

namespace parley::widget {

namespace {

// JS numbers are doubles: integers beyond 2^53 are not exact there, so a larger
// "integer" from the host is not one.
constexpr std::uint64_t kMaxSafeInteger = 9007199254740991;

// A number with a fraction or an exponent, within the safe range, as its integer part
// (truncated toward zero, as the cast from nlohmann's double did). Worked out from the
// digits rather than with strtod, which would bring long-double arithmetic into the
// wasm. The one difference from rounding to a double first: a token within half a
// double's step below an integer ("0.99999999999999999") reads as the integer below;
// a browser's JSON.stringify never writes one (it writes the shortest exact form).
std::optional<std::int64_t> truncated(std::string_view token) {
  std::size_t i = 0;
  const bool negative = token[i] == '-';
  if (negative) ++i;
  std::string digits;  // integer and fraction digits, the point after `point` of them
  while (i < token.size() && token[i] >= '0' && token[i] <= '9') digits.push_back(token[i++]);
  std::int64_t point = static_cast<std::int64_t>(digits.size());
  if (i < token.size() && token[i] == '.') {
    for (++i; i < token.size() && token[i] >= '0' && token[i] <= '9'; ++i)
      digits.push_back(token[i]);
  }
  if (i < token.size() && (token[i] == 'e' || token[i] == 'E')) {
    ++i;
    const bool down = token[i] == '-';
    if (token[i] == '+' || token[i] == '-') ++i;
    std::int64_t exponent = 0;
    // Past a million the answer no longer changes (and nothing overflows).
    for (; i < token.size(); ++i)
      exponent = std::min<std::int64_t>(exponent * 10 + (token[i] - '0'), 1000000);
    point += down ? -exponent : exponent;
  }
  // The integer part: the first `point` digits, zeros after the last one.
  std::uint64_t whole = 0;
  for (std::int64_t k = 0; k < point; ++k) {
    const auto at = static_cast<std::size_t>(k);
    if (at >= digits.size() && whole == 0) break;  // zeros after a zero
    whole = whole * 10 + (at < digits.size() ? static_cast<std::uint64_t>(digits[at] - '0') : 0);
    if (whole > kMaxSafeInteger) return std::nullopt;
  }
  const auto v = static_cast<std::int64_t>(whole);
  return negative ? -v : v;
}

// Lenient readers: a missing or mistyped member reads as empty, so one bad member
// cannot take the widget down; the state machine then treats it like no input.
std::optional<std::int64_t> integer(const JsonObject& j, const char* name) {
  const std::string_view* v = j.find(name);
  if (v == nullptr) return std::nullopt;
  if (const auto n = json_value::integer(*v)) return n;
  std::string_view token;
  if (!JsonReader(*v).read_number(token)) return std::nullopt;
  return truncated(token);
}

int small_int(const JsonObject& j, const char* name) {
  const std::int64_t v = integer(j, name).value_or(0);
  if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) return 0;
  return static_cast<int>(v);
}

ShareStart share_start(const JsonObject& j) {
  ShareStart e;
  const std::optional<JsonObject> share = j.object("share");
  if (!share) return e;
  const JsonObject& o = *share;
  e.targets = o.str("targets");
  e.style = o.str("style");
  e.via = o.str("via");
  e.hashtags = o.str("hashtags");
  e.url = o.str("url");
  e.title = o.str("title");
  e.description = o.str("description");
  e.image = o.str("image");
  e.can_share = o.flag("can_share");
  e.touch = o.flag("touch");
  e.clicks = o.boolean("clicks").value_or(true);
  if (const std::optional<JsonObject> server = o.object("server")) {
    e.server = server->str("host");
    e.software = server->str("software");
  }
  return e;
}

// A member that may instead travel as the event's payload (parse_event).
std::string str_or(const JsonObject& j, const char* name, std::string& payload) {
  return j.contains(name) ? j.str(name) : std::move(payload);
}

StartEvent start(const JsonObject& j, std::string& payload) {
  StartEvent e{j.str("site"),
               j.str("page"),
               j.str("title"),
               integer(j, "now").value_or(0),
               std::nullopt,
               j.str("lang"),
               j.str("strings"),
               str_or(j, "prerendered", payload),
               j.str("parts"),
               share_start(j),
               j.str("origin"),
               j.str("token"),
               j.str("instance"),
               j.str("like_token"),
               j.str("random"),
               j.str("catalog"),
               {},
               j.flag("pow")};
  e.api = j.str("api");
  e.mount = integer(j, "mount").value_or(0);
  // The object's text as the host wrote it: load_own reads it through the same view
  // (JsonObject) that nlohmann's re-dumped copy gave it.
  if (j.kind("edits") == JsonReader::Kind::object) e.edits = *j.find("edits");
  if (const std::optional<JsonObject> saved = j.object("saved")) {
    e.saved = Saved{saved->str("author"), saved->str("email"), saved->str("website")};
  }
  return e;
}

SubmitEvent submit(const JsonObject& j) {
  const std::optional<JsonObject> fields = j.object("fields");
  if (!fields) {
    SubmitEvent e;
    e.form = j.str("form");
    return e;
  }
  const JsonObject& f = *fields;
  return {j.str("form"),
          f.str("server"),
          f.str("text"),
          f.str("author"),
          f.str("email"),
          f.str("website"),
          f.flag("save"),
          f.str(view::kHoneypotField.data()),
          f.flag(view::kNotifyField.data()),
          f.flag(view::kNotifyPostsField.data())};
}

}  // namespace

ParsedEvent parse_event(std::string_view json_text, std::string payload) {
  JsonObject j;
  if (!j.parse(json_text)) return {std::nullopt, "event is not a JSON object"};
  const std::string type = j.str("type");
  if (type == "start") return {start(j, payload), {}};
  if (type == "response") {
    return {ResponseEvent{small_int(j, "request"), small_int(j, "status"),
                          str_or(j, "body", payload), integer(j, "retry_after")},
            {}};
  }
  if (type == "input" || type == "blur") {
    return {FieldEvent{type == "blur", j.str("field"), j.str("value")}, {}};
  }
  if (type == "action") {
    return {ActionEvent{j.str("action"), integer(j, "id").value_or(0), j.str("value")}, {}};
  }
  if (type == "submit") return {submit(j), {}};
  if (type == "tick") return {TickEvent{integer(j, "now").value_or(0)}, {}};
  if (type == "login") {
    return {LoginEvent{j.str("token"), j.str("error"), j.flag("closed"), j.flag("blocked")}, {}};
  }
  if (type == "live") {
    return {LiveEvent{str_or(j, "data", payload), j.str("id"), j.flag("closed")}, {}};
  }
  if (type == "copied") return {CopiedEvent{j.flag("ok")}, {}};
  if (type == "spread") return {SpreadEvent{j.str("target")}, {}};
  if (type == "resume") return {ResumeEvent{}, {}};
  if (type == "worked") return {WorkedEvent{j.str("challenge"), j.str("nonce")}, {}};
  return {std::nullopt, "unknown event type \"" + type + "\""};
}

}  // namespace parley::widget
