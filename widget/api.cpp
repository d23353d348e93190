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
  const json j = parse(body);
  if (!j.is_object()) return false;
  const auto list = j.find("providers");
  if (list == j.end() || !list->is_array()) return false;
  out.guests = guest_mode_from_name(member(j, "guests")).value_or(kDefaultGuestMode);
  out.providers.clear();
  for (const json& item : *list) {
    if (out.providers.size() == kMaxLoginProviders) break;
    if (!item.is_object()) return false;
    LoginOptions::Provider p{member(item, "id"), member(item, "name"), member(item, "kind"),
                             member(item, "icon")};
    if (p.id.empty()) return false;
    if (p.name.empty()) p.name = p.id;
    out.providers.push_back(std::move(p));
  }
  return true;
}

bool read_session(std::string_view body, Session& out) {
  const json j = parse(body);
  if (!j.is_object()) return false;
  out = {member(j, "name"), member(j, "avatar"), member(j, "provider"), member(j, "provider_name")};
  if (out.provider_name.empty()) out.provider_name = out.provider;
  return !out.provider.empty();
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
