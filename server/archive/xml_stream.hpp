// A streaming XML reader over Expat for the importers: elements arrive as start/end
// callbacks with the element's own text, so a file of any size is read with bounded
// memory. Hostile files are refused, never expanded: any DOCTYPE (and so any entity
// declaration: no "billion laughs", no external entities), nesting deeper than
// kMaxXmlDepth, and malformed XML end the parse with a message.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::server::archive {

// Export files nest about 6 levels; 64 leaves room for any real exporter.
inline constexpr int kMaxXmlDepth = 64;
// The text kept for one element. The largest comment Parley takes is 10,000 code
// points (40 KB of UTF-8); its HTML is larger, so keep well over that and mark the
// rest as cut off, so the importer can say the comment is too long.
inline constexpr std::size_t kMaxXmlTextBytes = 256 * 1024;

struct XmlElement {
  // The local name: "wp:comment_ID" arrives as "comment_ID" (exporters differ in
  // prefixes, never in local names).
  std::string_view name;
  const std::vector<std::pair<std::string, std::string>>& attributes;  // local names too
  int depth = 0;                                                       // root is 1

  std::string_view attribute(std::string_view local) const;
};

struct XmlHandler {
  std::function<void(const XmlElement&)> start;
  // `text` is the character data directly inside the element (CDATA included);
  // `cut` is true when it was longer than kMaxXmlTextBytes.
  std::function<void(const XmlElement&, std::string_view text, bool cut)> end;
};

// Parses the stream; returns "" on success or the reason it stopped, with the line.
std::string parse_xml(std::istream& in, const XmlHandler& handler);

}  // namespace parley::server::archive
