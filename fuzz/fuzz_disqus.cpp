// Fuzzes the Disqus import reader: Expat with DOCTYPEs refused and depth bounded, the
// thread map, post/parent references, dates and the HTML-to-Markdown conversion
// (redirect unwrapping included). Any bytes must end in "" or a message, never a
// crash; every post it yields must pass import_fuzz_check.hpp.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "archive/disqus_reader.hpp"
#include "import_fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  (void)parley::server::archive::read_disqus(in, [](parley::server::archive::SourceComment c) {
    parley::fuzz::check_source_comment("fuzz_disqus", "disqus:", c);
  });
  return 0;
}
