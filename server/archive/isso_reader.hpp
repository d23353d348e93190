// Reads an Isso SQLite database (its "threads" and "comments" tables), read-only.
// Isso stores Markdown, so the text is taken as it is (docs/import-export.md).
#pragma once

#include <string>

#include "archive/source_comment.hpp"

namespace parley::server::archive {

// Calls `sink` once per comment, parents before replies within a thread; returns ""
// or why the database could not be read.
std::string read_isso(const std::string& path, const CommentSink& sink);

}  // namespace parley::server::archive
