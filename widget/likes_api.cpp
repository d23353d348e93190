#include "likes_api.hpp"

#include "api.hpp"
#include "core/json_object.hpp"
#include "core/json_writer.hpp"

namespace parley::widget::api {

namespace {

// Past 2^53 a JS client could not say the number exactly; no count gets near it.
constexpr std::uint64_t kMaxCount = 9007199254740991ull;

// A count or an id: an integer written without a minus sign, up to kMaxCount.
bool count_of(const JsonObject& j, const char* name, std::uint64_t& out) {
  const std::optional<std::uint64_t> n = j.unsigned_integer(name);
  if (!n || *n > kMaxCount) return false;
  out = *n;
  return true;
}

bool summary_of(const JsonObject& j, LikeSummary& out) {
  std::uint64_t count = 0;
  if (!count_of(j, "count", count)) return false;
  out.likes.count = static_cast<std::size_t>(count);
  out.likes.liked = j.flag("liked");
  out.recent.clear();
  const std::string_view* recent = j.find("recent");
  if (recent == nullptr) return true;
  if (json_value::kind(*recent) != JsonReader::Kind::array) return false;
  for (const std::string_view text : json_value::items(*recent)) {
    if (out.recent.size() == kMaxRecentLikers) break;
    JsonObject item;
    if (!item.parse(text)) continue;
    view::RecentLiker liker{item.str("avatar"), item.str("name")};
    if (!liker.avatar.empty()) out.recent.push_back(std::move(liker));
  }
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
  JsonWriter body;
  body.integer("comment", comment).string("page", page);
  if (!token.empty()) body.string("token", token);
  return body.finish();
}

bool read_page_likes(std::string_view body, PageLikes& out) {
  JsonObject j;
  if (!j.parse(body) || !summary_of(j, out.page)) return false;
  out.require_login = j.flag("require_login");
  out.comments.clear();
  if (j.kind("comments") != JsonReader::Kind::array) return false;
  for (const std::string_view text : json_value::items(*j.find("comments"))) {
    JsonObject item;
    std::uint64_t id = 0;
    std::uint64_t count = 0;
    if (!item.parse(text) || !count_of(item, "id", id) || !count_of(item, "count", count)) {
      return false;
    }
    out.comments[static_cast<std::int64_t>(id)] = {static_cast<std::size_t>(count),
                                                   item.flag("liked")};
  }
  return true;
}

bool read_like_summary(std::string_view body, LikeSummary& out) {
  JsonObject j;
  return j.parse(body) && summary_of(j, out);
}

bool read_likes_event(std::string_view data, std::int64_t& comment, LikeSummary& out) {
  JsonObject j;
  std::uint64_t id = 0;
  if (!j.parse(data) || j.string("type") != "likes.changed" || !count_of(j, "comment", id)) {
    return false;
  }
  comment = static_cast<std::int64_t>(id);
  const std::optional<JsonObject> likes = j.object("likes");
  if (!likes || !summary_of(*likes, out)) return false;
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
