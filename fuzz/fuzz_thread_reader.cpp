// Fuzzes the widget's thread reader (widget/thread_reader.cpp, a hand-written pull reader)
// against the reading it replaced, nlohmann::json plus core's comment_from_json
// (tests/widget/thread_reader_reference.hpp): for every input both must accept or refuse
// it alike and, when they accept, yield the same flags and comments. The one documented
// difference: where the old reading threw (a "closed" or "notify" that is not a boolean),
// the new one reads false.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "tests/widget/thread_reader_reference.hpp"
#include "widget/api.hpp"

namespace {

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_thread_reader: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  std::vector<parley::Comment> mine;
  std::vector<parley::Comment> theirs;
  parley::widget::api::ThreadFlags my_flags;
  parley::widget::api::ThreadFlags their_flags;
  const bool ok = parley::widget::api::read_thread(body, mine, &my_flags);
  const std::optional<bool> expected =
      parley::test::reference_read_thread(body, theirs, their_flags);
  if (!expected) return 0;
  if (ok != *expected) fail(ok ? "accepted what nlohmann refused" : "refused what nlohmann read");
  if (!ok) return 0;
  if (my_flags.closed != their_flags.closed || my_flags.notify != their_flags.notify) {
    fail("flags differ");
  }
  if (mine.size() != theirs.size()) fail("comment counts differ");
  for (std::size_t i = 0; i < mine.size(); ++i) {
    if (!parley::test::same_comment(mine[i], theirs[i])) fail("a comment differs");
  }
  return 0;
}
