#include "likes_api.hpp"

#include <nlohmann/json.hpp>

#include "api.hpp"

namespace parley::widget::api {

namespace {

using nlohmann::json;

// Past 2^53 a JS client could not say the number exactly; no count gets near it.
constexpr std::uint64_t kMaxCount = 9007199254740991ull;

bool count_of(const json& j, std::size_t& out) {
  const auto it = j.find("count");
  if (it == j.end() || !it->is_number_unsigned() || it->get<std::uint64_t>() > kMaxCount) {
    return false;
  }
  out = static_cast<std::size_t>(it->get<std::uint64_t>());
  return true;
}

std::string str(const json& j, const char* name) {
  const auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool liked_of(const json& j) {
  const auto it = j.find("liked");
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

bool summary_of(const json& j, LikeSummary& out) {
  if (!j.is_object() || !count_of(j, out.likes.count)) return false;
  out.likes.liked = liked_of(j);
  out.recent.clear();
  const auto recent = j.find("recent");
  if (recent == j.end()) return true;
  if (!recent->is_array()) return false;
  for (const json& item : *recent) {
    if (out.recent.size() == kMaxRecentLikers) break;
    if (!item.is_object()) continue;
    view::RecentLiker liker{str(item, "avatar"), str(item, "name")};
    if (!liker.avatar.empty()) out.recent.push_back(std::move(liker));
  }
  return true;
}

bool id_of(const json& j, const char* name, std::int64_t& out) {
  const auto it = j.find(name);
  if (it == j.end() || !it->is_number_unsigned() || it->get<std::uint64_t>() > kMaxCount) {
    return false;
  }
  out = static_cast<std::int64_t>(it->get<std::uint64_t>());
  return true;
}

}  // namespace

std::string likes_path(std::string_view site, std::string_view page, std::string_view token) {
  std::string path = "/api/likes?site=" + query_encode(site) + "&page=" + query_encode(page);
  if (!token.empty()) path += "&token=" + query_encode(token);
  return path;
}

std::string like_path(std::string_view site) {
  return "/api/likes?site=" + query_encode(site);
}

std::string like_body(std::string_view page, std::int64_t comment, std::string_view token) {
  json body{{"page", page}, {"comment", comment}};
  if (!token.empty()) body["token"] = token;
  return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

bool read_page_likes(std::string_view body, PageLikes& out) {
  const json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (!summary_of(j, out.page)) return false;
  const auto login = j.find("require_login");
  out.require_login = login != j.end() && login->is_boolean() && login->get<bool>();
  out.comments.clear();
  const auto comments = j.find("comments");
  if (comments == j.end() || !comments->is_array()) return false;
  for (const json& item : *comments) {
    std::int64_t id = 0;
    view::LikeCount c;
    if (!item.is_object() || !id_of(item, "id", id) || !count_of(item, c.count)) return false;
    c.liked = liked_of(item);
    out.comments[id] = c;
  }
  return true;
}

bool read_like_summary(std::string_view body, LikeSummary& out) {
  return summary_of(json::parse(body, nullptr, /*allow_exceptions=*/false), out);
}

bool read_likes_event(std::string_view data, std::int64_t& comment, LikeSummary& out) {
  const json j = json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;
  const auto type = j.find("type");
  if (type == j.end() || *type != "likes.changed" || !id_of(j, "comment", comment)) return false;
  const auto likes = j.find("likes");
  if (likes == j.end() || !summary_of(*likes, out)) return false;
  out.likes.liked = false;
  return true;
}

bool valid_like_token(std::string_view token) {
  if (token.size() < 16 || token.size() > 64) return false;
  for (const char c : token) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace parley::widget::api
