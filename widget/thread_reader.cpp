// api::read_thread: GET /api/comments read with JsonReader (json_reader.hpp says why);
// api::comment_from_wire: one comment so read (a posted or edited one, a live event's).
// What it accepts and yields is what reading the body with nlohmann::json and each
// comment with core's comment_from_json gave, duplicate members included (the last one
// counts); tests/widget/thread_reader_test.cpp and fuzz/fuzz_thread_reader.cpp compare the
// two. The one difference: a non-boolean "closed" or "notify" reads as false, where
// nlohmann's json::value() threw.
#include <utility>

#include "api.hpp"
#include "core/json_reader.hpp"
#include "core/limits.hpp"

namespace parley::widget::api {

namespace {

using Kind = JsonReader::Kind;

// One member as last seen: absent, null, of the wanted type (with its value), or other.
enum class Seen { absent, null, wanted, other };

struct IntMember {
  Seen seen = Seen::absent;
  std::int64_t value = 0;
};

struct StrMember {
  Seen seen = Seen::absent;
  std::string value;
};

struct BoolMember {
  Seen seen = Seen::absent;
  bool value = false;
};

bool read_member(JsonReader& r, IntMember& m) {
  if (r.peek() == Kind::number) {
    m.seen = r.read_int(m.value) ? Seen::wanted : Seen::other;
    return !r.failed();
  }
  m.seen = r.peek() == Kind::null ? Seen::null : Seen::other;
  return r.skip();
}

bool read_member(JsonReader& r, StrMember& m) {
  if (r.read_string(m.value)) {
    m.seen = Seen::wanted;
    return true;
  }
  m.seen = r.peek() == Kind::null ? Seen::null : Seen::other;
  return r.skip();
}

bool read_member(JsonReader& r, BoolMember& m) {
  if (r.read_bool(m.value)) {
    m.seen = Seen::wanted;
    return true;
  }
  m.seen = r.peek() == Kind::null ? Seen::null : Seen::other;
  return r.skip();
}

struct WireComment {
  IntMember id, parent, created, depth;
  StrMember author, html, website, text, provider, provider_name, avatar;
  BoolMember verified, pinned, deleted;

  // Reads the value of member `name` into its field (unknown members are read past).
  bool read(JsonReader& r, const std::string& name) {
    if (name == "id") return read_member(r, id);
    if (name == "parent") return read_member(r, parent);
    if (name == "created") return read_member(r, created);
    if (name == "depth") return read_member(r, depth);
    if (name == "author") return read_member(r, author);
    if (name == "html") return read_member(r, html);
    if (name == "website") return read_member(r, website);
    if (name == "text") return read_member(r, text);
    if (name == "provider") return read_member(r, provider);
    if (name == "provider_name") return read_member(r, provider_name);
    if (name == "avatar") return read_member(r, avatar);
    if (name == "verified") return read_member(r, verified);
    if (name == "pinned") return read_member(r, pinned);
    if (name == "deleted") return read_member(r, deleted);
    return r.skip();
  }
};

// comment_from_json's rules (core/comment.cpp), on the members as last seen.
bool take_int(const IntMember& m, std::int64_t& out) {
  if (m.seen != Seen::wanted) return false;
  out = m.value;
  return true;
}

bool take_str(StrMember& m, std::string& out, bool required) {
  if (m.seen == Seen::absent || m.seen == Seen::null) return !required;
  if (m.seen != Seen::wanted) return false;
  out = std::move(m.value);
  return true;
}

bool to_comment(WireComment& w, Comment& out) {
  if (!take_int(w.id, out.id) || !take_int(w.parent, out.parent) ||
      !take_int(w.created, out.created) || !take_str(w.author, out.author, true) ||
      !take_str(w.html, out.html, true) || !take_str(w.website, out.website, false) ||
      !take_str(w.text, out.text, false)) {
    return false;
  }
  if (w.verified.seen == Seen::wanted && w.verified.value) {
    if (!take_str(w.provider, out.provider, true) || out.provider.empty() ||
        !take_str(w.provider_name, out.provider_name, false) ||
        !take_str(w.avatar, out.avatar, false)) {
      return false;
    }
  }
  out.pinned = w.pinned.seen == Seen::wanted && w.pinned.value;
  if (w.deleted.seen == Seen::wanted) out.deleted = w.deleted.value;
  if (w.depth.seen == Seen::wanted) {
    const std::int64_t d = w.depth.value;
    out.depth = static_cast<int>(d < 0 ? 0 : d > 1000 ? 1000 : d);
  }
  return true;
}

// One item of the comments array: false only when the text is not JSON; `valid` says
// whether it was a comment.
bool read_comment(JsonReader& r, Comment& out, bool& valid) {
  if (!r.begin_object()) {
    valid = false;
    return r.skip();
  }
  WireComment w;
  bool first = true;
  std::string name;
  while (r.next_member(first, name)) {
    if (!w.read(r, name)) return false;
  }
  if (r.failed()) return false;
  valid = to_comment(w, out);
  return true;
}

// The comments array: false when the text is not JSON; `valid` false when an item within
// the first kMaxThreadComments is not a comment (the rest are only read past).
bool read_comments(JsonReader& r, std::vector<Comment>& out, bool& valid) {
  out.clear();
  valid = true;
  bool first = true;
  r.begin_array();
  while (r.next_item(first)) {
    if (!valid || out.size() == limits::kMaxThreadComments) {
      if (!r.skip()) return false;
      continue;
    }
    Comment c;
    bool ok = false;
    if (!read_comment(r, c, ok)) return false;
    if (ok)
      out.push_back(std::move(c));
    else
      valid = false;
  }
  return !r.failed();
}

}  // namespace

bool comment_from_wire(std::string_view value, Comment& out) {
  JsonReader r(value);
  bool valid = false;
  return read_comment(r, out, valid) && r.done() && valid;
}

bool read_thread(std::string_view body, std::vector<Comment>& out, ThreadFlags* flags) {
  JsonReader r(body);
  if (!r.begin_object()) return false;
  // "comments" as last seen: absent or not an array (nothing to show), or read.
  bool have_comments = false;
  bool comments_valid = false;
  BoolMember closed;
  BoolMember notify;
  bool first = true;
  std::string name;
  while (r.next_member(first, name)) {
    if (name == "comments") {
      have_comments = r.peek() == Kind::array;
      if (!(have_comments ? read_comments(r, out, comments_valid) : r.skip())) return false;
    } else if (name == "closed") {
      if (!read_member(r, closed)) return false;
    } else if (name == "notify") {
      if (!read_member(r, notify)) return false;
    } else if (!r.skip()) {
      return false;
    }
  }
  if (!r.done()) return false;
  if (flags) {
    flags->closed = closed.seen == Seen::wanted && closed.value;
    flags->notify = notify.seen == Seen::wanted && notify.value;
  }
  return have_comments && comments_valid;
}

}  // namespace parley::widget::api
