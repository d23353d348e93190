// Fuzzes the JSON wire format: any bytes the server receives as a POST body (or the
// widget receives as a thread) go through nlohmann's parser and then draft_from_json /
// comment_from_json, which must never throw (wrong types are field errors). What they
// accept must survive a round trip through the writer unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/comment_json.hpp"

namespace {

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_wire_json: %s\n", what);
  std::abort();
}

bool same(const parley::Draft& a, const parley::Draft& b) {
  return a.page == b.page && a.title == b.title && a.parent == b.parent && a.text == b.text &&
         a.author == b.author && a.email == b.email && a.website == b.website;
}

bool same(const parley::Comment& a, const parley::Comment& b) {
  return a.id == b.id && a.parent == b.parent && a.depth == b.depth && a.author == b.author &&
         a.website == b.website && a.html == b.html && a.created == b.created;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The same call the server and the widget make: no exceptions, discarded on error.
  const nlohmann::json j = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return 0;

  parley::Draft draft;
  if (parley::draft_from_json(j, draft).empty()) {
    parley::Draft again;
    if (!parley::draft_from_json(parley::draft_to_json(draft), again).empty() ||
        !same(draft, again)) {
      fail("an accepted draft does not round-trip");
    }
  }

  parley::Comment comment;
  if (parley::comment_from_json(j, comment)) {
    parley::Comment again;
    if (!parley::comment_from_json(parley::comment_to_json(comment), again) ||
        !same(comment, again)) {
      fail("an accepted comment does not round-trip");
    }
  }
  return 0;
}
