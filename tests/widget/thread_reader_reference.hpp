// The widget's thread reading as it was before JsonReader: the whole body through
// nlohmann::json, each comment through core's comment_from_json. The oracle that
// thread_reader_test.cpp and fuzz/fuzz_thread_reader.cpp hold api::read_thread to.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/comment_json.hpp"
#include "core/limits.hpp"
#include "widget/api.hpp"

namespace parley::test {

// nullopt where the old reading threw (a "closed" or "notify" that is not a boolean).
inline std::optional<bool> reference_read_thread(std::string_view body, std::vector<Comment>& out,
                                                 widget::api::ThreadFlags& flags) {
  using nlohmann::json;
  const json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;
  // json::value() threw there; asked first, since the WASM build catches no exception.
  for (const char* flag : {"closed", "notify"}) {
    if (j.contains(flag) && !j[flag].is_boolean()) return std::nullopt;
  }
  flags = {j.value("closed", false) == true, j.value("notify", false) == true};
  const auto list = j.find("comments");
  if (list == j.end() || !list->is_array()) return false;
  out.clear();
  for (const json& item : *list) {
    if (out.size() == limits::kMaxThreadComments) break;
    Comment c;
    if (!comment_from_json(item, c)) return false;
    out.push_back(std::move(c));
  }
  return true;
}

inline bool same_comment(const Comment& a, const Comment& b) {
  return a.id == b.id && a.parent == b.parent && a.depth == b.depth && a.author == b.author &&
         a.website == b.website && a.html == b.html && a.text == b.text && a.created == b.created &&
         a.provider == b.provider && a.provider_name == b.provider_name && a.avatar == b.avatar &&
         a.pinned == b.pinned && a.deleted == b.deleted;
}

}  // namespace parley::test
