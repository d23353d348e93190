// What every importer reader produces: one comment as its source system had it, keyed
// so that re-importing finds it again. The importer (archive/importer.hpp) validates,
// renders and stores it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace parley::server::archive {

struct SourceComment {
  std::string key;         // unique in the source: "wxr:<post_id>:<comment_ID>"
  std::string parent_key;  // "" for a top-level comment
  std::string page;        // Parley page key (the path of the post's link)
  std::string title;       // the post's title
  std::string author;
  std::string email;
  std::string website;
  std::string text;  // Markdown source (converted from HTML where the source had HTML)
  std::string status = "approved";  // one of store.hpp's kStatuses
  std::int64_t created = 0;         // Unix seconds, UTC
  // A logged-in author's identity (Parley's own exports only; "" for guests).
  std::string provider = {};
  std::string provider_name = {};
  std::string subject = {};
  std::string avatar = {};
  // Why this item cannot be imported as it is (the reader found it unusable), or "".
  std::string problem;
};

using CommentSink = std::function<void(SourceComment)>;

// "2011-07-28 14:22:03", "2011-07-28T14:22:03Z" (fractions and a Z ignored) -> Unix
// seconds; nullopt for anything else, including WordPress's "0000-00-00 00:00:00".
std::optional<std::int64_t> parse_utc_datetime(std::string_view text);

// The page key of a post link: "https://blog.example/2011/07/raids/#c" ->
// "/2011/07/raids/"; a link that already is a path keeps it. The query is kept only
// where it names the page ("/?p=12", "/index.php?p=12").
std::string page_from_link(std::string_view link);

// Surrounding whitespace removed (XML text keeps the indentation around CDATA).
std::string_view trim(std::string_view s);

}  // namespace parley::server::archive
