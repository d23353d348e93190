// The one place that turns text into HTML text. Table-driven, like md4c's renderer:
// each byte either copies through or maps to a fixed entity.
#pragma once

#include <string>
#include <string_view>

namespace parley {

// Escapes &, <, >, " and ' so the result is safe both as element text and inside a
// double- or single-quoted attribute value.
void append_escaped(std::string& out, std::string_view text);
std::string escape_html(std::string_view text);

// Percent-encodes bytes that may not appear raw in an href (spaces, quotes, controls,
// non-ASCII), leaving existing %XX escapes and URL punctuation alone, as CommonMark
// renderers do. The result still needs append_escaped for the attribute context.
void append_url_encoded(std::string& out, std::string_view url);

// Percent-encodes everything but unreserved characters and '/', for one value in a
// query string (?page=/a%20b/): the widget's and the server's URLs to parleyd.
std::string query_encode(std::string_view value);

}  // namespace parley
