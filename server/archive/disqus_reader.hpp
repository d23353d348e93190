// Reads a Disqus export (<disqus> with <thread> and <post> elements): every post, in
// file order, streamed. Threads come first in Disqus exports; their links and titles
// are kept (bounded by kMaxDisqusThreads) to place the posts (docs/import-export.md).
#pragma once

#include <cstddef>
#include <istream>
#include <string>

#include "archive/source_comment.hpp"

namespace parley::server::archive {

// A large forum has tens of thousands of threads; the map of a thread is ~300 bytes.
inline constexpr std::size_t kMaxDisqusThreads = 500000;

// Calls `sink` once per post; returns "" or why the file could not be read.
std::string read_disqus(std::istream& in, const CommentSink& sink);

}  // namespace parley::server::archive
