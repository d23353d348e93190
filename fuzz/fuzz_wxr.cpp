// Fuzzes the WordPress (WXR) import reader: Expat with DOCTYPEs refused and depth
// bounded, the item/comment state machine, dates, page keys and the HTML-to-Markdown
// conversion. Any bytes must end in "" or a message, never a crash, a hang or unbounded
// memory; every comment it yields must pass import_fuzz_check.hpp.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "archive/wxr_reader.hpp"
#include "import_fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  (void)parley::server::archive::read_wxr(in, [](parley::server::archive::SourceComment c) {
    parley::fuzz::check_source_comment("fuzz_wxr", "wxr:", c);
  });
  return 0;
}
