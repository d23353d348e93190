// Parley's own export format: a site as JSON (docs/import-export.md has the schema),
// written thread by thread, and read back as SourceComments so a re-import goes
// through the same importer as every other source.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include "archive/source_comment.hpp"
#include "store/store.hpp"

namespace parley::server::archive {

inline constexpr int kJsonArchiveVersion = 1;
// The JSON is read whole; a site of 100,000 comments is ~50 MB.
inline constexpr std::size_t kMaxJsonArchiveBytes = 1024ull * 1024 * 1024;

// Writes every thread of `site` with every comment (all statuses, emails included: the
// file is for the owner) and like counts. `now` is the export time in Unix seconds.
void write_json_archive(Store& store, std::string_view site, std::int64_t now, std::ostream& out);

// Calls `sink` once per comment of the file; returns "" or why it could not be read.
std::string read_json_archive(std::istream& in, const CommentSink& sink);

}  // namespace parley::server::archive
