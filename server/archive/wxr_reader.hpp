// Reads a WordPress export (WXR, "WordPress eXtended RSS" 1.0-1.2): every wp:comment of
// every item, in file order, streamed (docs/import-export.md).
#pragma once

#include <istream>
#include <string>

#include "archive/source_comment.hpp"

namespace parley::server::archive {

// Calls `sink` once per comment; returns "" or why the file could not be read.
std::string read_wxr(std::istream& in, const CommentSink& sink);

}  // namespace parley::server::archive
