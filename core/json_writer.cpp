#include "json_writer.hpp"

namespace parley {

// Runs of plain bytes are copied in one append: the output carries whole rendered
// threads (about 1 KB of HTML per comment).
void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s, run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\t':
        out.append("\\t");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\f':
        out.append("\\f");
        break;
      case '\r':
        out.append("\\r");
        break;
      default:
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(s, run, s.size() - run);
  out.push_back('"');
}

void JsonWriter::name(std::string_view n) {
  if (out_.size() > 1) out_.push_back(',');
  append_json_string(out_, n);
  out_.push_back(':');
}

JsonWriter& JsonWriter::string(std::string_view n, std::string_view value) {
  name(n);
  append_json_string(out_, value);
  return *this;
}

JsonWriter& JsonWriter::integer(std::string_view n, std::int64_t value) {
  name(n);
  out_.append(std::to_string(value));
  return *this;
}

JsonWriter& JsonWriter::boolean(std::string_view n, bool value) {
  name(n);
  out_.append(value ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view n, std::string_view json) {
  name(n);
  out_.append(json);
  return *this;
}

std::string JsonWriter::finish() {
  out_.push_back('}');
  return std::move(out_);
}

}  // namespace parley
