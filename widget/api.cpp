#include "api.hpp"

#include "core/escape.hpp"
#include "core/json_object.hpp"
#include "core/limits.hpp"

namespace parley::widget::api {

std::string query_encode(std::string_view s) {
  return parley::query_encode(s);
}

std::string thread_path(std::string_view site, std::string_view page) {
  return "/api/comments?site=" + query_encode(site) + "&page=" + query_encode(page);
}

std::string post_path(std::string_view site) {
  return "/api/comments?site=" + query_encode(site);
}

std::string challenge_path(std::string_view site) {
  return "/api/challenge?site=" + query_encode(site);
}

std::string comment_path(std::string_view site, std::int64_t id) {
  return "/api/comments/" + std::to_string(id) + "?site=" + query_encode(site);
}

std::string my_data_path(std::string_view site, std::string_view like_token) {
  std::string path = "/api/me/data?site=" + query_encode(site);
  if (!like_token.empty()) path += "&token=" + query_encode(like_token);
  return path;
}

std::string privacy_page_path(std::string_view site) {
  return "/privacy?site=" + query_encode(site);
}

std::string own_key(std::string_view site) {
  return "parley:edits:" + std::string(site);
}

std::string login_token_key(std::string_view site) {
  return "parley:login:" + std::string(site);
}

std::string login_options_path(std::string_view site) {
  return "/api/login?site=" + query_encode(site);
}

std::string session_path(std::string_view site) {
  return "/api/session?site=" + query_encode(site);
}

std::string logout_path(std::string_view site) {
  return "/api/logout?site=" + query_encode(site);
}

std::string login_start_path(std::string_view site, std::string_view provider,
                             std::string_view origin, std::string_view instance, bool change) {
  std::string path = "/auth/start?site=" + query_encode(site) +
                     "&provider=" + query_encode(provider) + "&origin=" + query_encode(origin);
  if (!instance.empty()) path += "&instance=" + query_encode(instance);
  if (change) path += "&change=1";
  return path;
}

bool read_login_options(std::string_view body, LoginOptions& out) {
  JsonObject j;
  if (!j.parse(body) || j.kind("providers") != JsonReader::Kind::array) return false;
  out.guests = guest_mode_from_name(j.str("guests")).value_or(kDefaultGuestMode);
  out.providers.clear();
  for (const std::string_view text : json_value::items(*j.find("providers"))) {
    if (out.providers.size() == kMaxLoginProviders) break;
    JsonObject item;
    if (!item.parse(text)) return false;
    LoginOptions::Provider p{item.str("id"), item.str("name"), item.str("kind"), item.str("icon")};
    if (p.id.empty()) return false;
    if (p.name.empty()) p.name = p.id;
    out.providers.push_back(std::move(p));
  }
  return true;
}

bool read_session(std::string_view body, Session& out) {
  JsonObject j;
  if (!j.parse(body)) return false;
  out = {j.str("name"), j.str("avatar"), j.str("provider"), j.str("provider_name")};
  if (out.provider_name.empty()) out.provider_name = out.provider;
  return !out.provider.empty();
}

bool read_comment(std::string_view body, Comment& out) {
  return comment_from_wire(body, out);
}

Error read_error(std::string_view body) {
  Error e;
  JsonObject j;
  if (!j.parse(body)) return e;
  e.message = j.str("message");
  if (j.kind("errors") == JsonReader::Kind::array) {
    for (const std::string_view text : json_value::items(*j.find("errors"))) {
      JsonObject item;
      if (!item.parse(text)) continue;
      e.errors.push_back({item.str("field"), item.str("code"), item.str("message")});
    }
  } else if (std::string field = j.str("field"); !field.empty()) {
    e.errors.push_back({std::move(field), j.str("error"), e.message});
  }
  e.retry_after = j.integer("retry_after");
  return e;
}

}  // namespace parley::widget::api
