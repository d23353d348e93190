// Fuzzes the share URL builder and fediverse instance validation with reader- and
// page-controlled strings. Invariants: every href is an https:, mailto: or sms: URL (never
// javascript: or data:), contains no byte a URL cannot carry raw (space, quote, angle
// bracket, control), and a fediverse link is only built for an instance that validates.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/share.hpp"

namespace {

[[noreturn]] void fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "fuzz_share: %s: %.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

// Splits the input into NUL-separated fields; missing fields are empty.
std::string_view next_field(std::string_view& rest) {
  const std::size_t end = rest.find('\0');
  const std::string_view field = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  return field;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

void check_href(std::string_view href) {
  if (href.empty()) return;
  if (!starts_with(href, "https://") && !starts_with(href, "mailto:") &&
      !starts_with(href, "sms:")) {
    fail("unexpected scheme", href);
  }
  for (const char c : href) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f || c == '"' || c == '<' || c == '>' || c == '`') {
      fail("raw byte in href", href);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  parley::share::Page page;
  page.url = next_field(rest);
  page.title = next_field(rest);
  page.description = next_field(rest);
  page.image = next_field(rest);
  page.via = next_field(rest);
  page.hashtags.emplace_back(next_field(rest));
  const std::string_view typed = next_field(rest);

  // share_url normalises what the reader typed itself, then validates it.
  const std::string instance = parley::share::normalize_instance(typed);
  const bool valid_instance = parley::share::is_valid_instance(instance);
  for (const auto& target : parley::share::all_targets()) {
    const std::string href = parley::share::share_url(target.target, page, typed);
    check_href(href);
    if (target.needs_instance && !href.empty() && !valid_instance) {
      fail("link built for an invalid instance", instance);
    }
  }
  const std::string encoded = parley::share::encode_component(typed);
  check_href("https://x/" + encoded);
  return 0;
}
