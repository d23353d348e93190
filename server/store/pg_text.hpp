// Values PostgreSQL takes as text parameters and has no libpq helper for.
#pragma once

#include <string>
#include <vector>

namespace parley::server::pg {

// A PostgreSQL array literal of text elements: every element quoted, with `"` and `\`
// escaped, so any page key (commas, braces, quotes, "NULL") stays one plain element.
inline std::string text_array(const std::vector<std::string>& items) {
  std::string out = "{";
  for (const std::string& item : items) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (const char ch : item) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    out += '"';
  }
  out += '}';
  return out;
}

}  // namespace parley::server::pg
