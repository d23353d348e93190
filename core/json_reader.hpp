// JsonReader: a pull reader over one JSON text. It was written for the one body the
// widget reads in bulk (a thread: up to half a megabyte), where nlohmann built a tree of
// maps and strings first and lexed byte by byte (in Node, reading a 1,000-comment thread
// took ~19% of the widget's time with nlohmann). It now reads everything the widget
// reads, so that nlohmann (54 KB of wasm code, plus the printf and long-double strtod it
// drags in) stays out of the download: json_object.hpp gives the small bodies
// nlohmann's view of an object on top of it. It lives in core because the message
// catalogs (i18n.cpp) are read by both the widget and parleyd.
//
// It accepts exactly RFC 8259 JSON, as strictly as nlohmann::json::parse: well-formed
// UTF-8, no control characters in strings, paired surrogates, nothing after the value but
// whitespace (or, as nlohmann read it, a NUL byte and whatever follows it), and no number
// beyond a double's range (nlohmann refused those too). Any error latches: every later
// call fails, and done() is false.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

class JsonReader {
 public:
  enum class Kind { object, array, string, number, boolean, null, invalid };

  // A byte order mark before the value is read past, as nlohmann did.
  explicit JsonReader(std::string_view text)
      : s_(text), i_(text.starts_with("\xEF\xBB\xBF") ? 3 : 0) {}

  // What the next value is, without reading it (invalid: none can start here).
  Kind peek();

  // Containers. `first` is the caller's, true before the first member or item: the next
  // call reads the separating comma after it. next_member reads the name and the colon;
  // both return false at the closing bracket (read) or on an error (see failed()).
  bool begin_object();
  bool next_member(bool& first, std::string& name);
  bool begin_array();
  bool next_item(bool& first);

  // Scalars: false (and nothing read) when the next value is of another kind; a value
  // that is malformed fails the reader.
  bool read_string(std::string& out);
  // An integer token (no fraction or exponent): one in int64_t's range, or, as nlohmann
  // takes it, a positive one up to UINT64_MAX as int64_t bits. Any other number is read
  // and dropped, and false returned.
  bool read_int(std::int64_t& out);
  bool read_bool(bool& out);
  bool read_null();
  // Any value, nested or not, read and dropped (without recursion: depth costs memory,
  // not stack).
  bool skip();
  // skip(), and `out` is the text of the value read past (for a second, closer look).
  bool raw(std::string_view& out);
  // A number of any form, its token as written (no conversion: no strtod in the wasm).
  bool read_number(std::string_view& token);

  // The whole text was one well-formed value, followed by whitespace only (up to a NUL
  // byte, if any, as nlohmann read it).
  bool done();
  bool failed() const { return failed_; }

 private:
  void space();
  bool fail();
  bool literal(std::string_view word);
  bool number(bool& integer);
  bool string_into(std::string* out);  // out == nullptr: validate and skip
  bool hex4(std::uint32_t& out);

  std::string_view s_;
  std::size_t i_ = 0;
  bool failed_ = false;
  std::vector<char> open_;  // skip()'s stack of containers: '{' or '['
};

}  // namespace parley
