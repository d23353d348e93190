// JsonReader: a pull reader over one JSON text, for the one body the widget reads in bulk
// (a thread: up to half a megabyte). nlohmann builds a tree of maps and strings first and
// lexes byte by byte; this reads values in place, copies strings in runs and builds
// nothing the caller does not keep (in Node, reading a 1,000-comment thread took ~19% of
// the widget's time with nlohmann). Everything else the widget reads still goes through
// nlohmann: those bodies are small.
//
// It accepts exactly RFC 8259 JSON, as strictly as nlohmann::json::parse: well-formed
// UTF-8, no control characters in strings, paired surrogates, nothing after the value but
// whitespace. Any error latches: every later call fails, and done() is false.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley::widget {

class JsonReader {
 public:
  enum class Kind { object, array, string, number, boolean, null, invalid };

  explicit JsonReader(std::string_view text) : s_(text) {}

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

  // The whole text was one well-formed value, followed by whitespace only.
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

}  // namespace parley::widget
