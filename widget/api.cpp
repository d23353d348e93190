#include "api.hpp"

#include <nlohmann/json.hpp>

#include "core/escape.hpp"
#include "core/limits.hpp"

namespace parley::widget::api {

namespace {

using nlohmann::json;

json parse(std::string_view body) {
  return json::parse(body, nullptr, /*allow_exceptions=*/false);
}

std::string member(const json& j, const char* name) {
  const auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string query_encode(std::string_view s) {
  return parley::query_encode(s);
}

std::string thread_path(std::string_view site, std::string_view page) {
  return "/api/comments?site=" + query_encode(site) + "&page=" + query_encode(page);
}

std::string post_path(std::string_view site) {
  return "/api/comments?site=" + query_encode(site);
}

bool read_thread(std::string_view body, std::vector<Comment>& out) {
  const json j = parse(body);
  if (!j.is_object()) return false;
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

bool read_comment(std::string_view body, Comment& out) {
  const json j = parse(body);
  return j.is_object() && comment_from_json(j, out);
}

Error read_error(std::string_view body) {
  Error e;
  const json j = parse(body);
  if (!j.is_object()) return e;
  e.message = member(j, "message");
  const auto errors = j.find("errors");
  if (errors != j.end() && errors->is_array()) {
    for (const json& item : *errors) {
      if (!item.is_object()) continue;
      e.errors.push_back({member(item, "field"), member(item, "code"), member(item, "message")});
    }
  } else if (const std::string field = member(j, "field"); !field.empty()) {
    e.errors.push_back({field, member(j, "error"), e.message});
  }
  const auto retry = j.find("retry_after");
  if (retry != j.end() && retry->is_number_integer()) e.retry_after = retry->get<std::int64_t>();
  return e;
}

}  // namespace parley::widget::api
