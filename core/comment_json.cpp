#include "comment_json.hpp"

#include <nlohmann/json.hpp>

namespace parley {
namespace {

using nlohmann::json;

// Reads an optional string member; a present member of another type is an error
// reported against that field rather than an exception.
void read_string(const json& j, const char* name, std::string& out, FieldErrors& errors) {
  const auto it = j.find(name);
  if (it == j.end() || it->is_null()) return;
  if (!it->is_string()) {
    errors.push_back({name, "invalid", std::string("The ") + name + " must be text."});
    return;
  }
  out = it->get<std::string>();
}

// Reads an optional true/false member (the form's checkboxes).
void read_flag(const json& j, const char* name, bool& out, FieldErrors& errors) {
  const auto it = j.find(name);
  if (it == j.end() || it->is_null()) return;
  if (!it->is_boolean()) {
    errors.push_back({name, "invalid", std::string(name) + " must be true or false."});
    return;
  }
  out = it->get<bool>();
}

}  // namespace

FieldErrors draft_from_json(const json& j, Draft& out) {
  FieldErrors errors;
  if (!j.is_object()) {
    errors.push_back({"", "invalid", "The comment must be a JSON object."});
    return errors;
  }
  read_string(j, "page", out.page, errors);
  read_string(j, "title", out.title, errors);
  read_string(j, "text", out.text, errors);
  read_string(j, "author", out.author, errors);
  read_string(j, "email", out.email, errors);
  read_string(j, "website", out.website, errors);
  read_flag(j, "notify_replies", out.notify_replies, errors);
  read_flag(j, "notify_posts", out.notify_posts, errors);
  if (const auto it = j.find("parent"); it != j.end() && !it->is_null()) {
    if (it->is_number_integer() && it->get<std::int64_t>() >= 0) {
      out.parent = it->get<std::int64_t>();
    } else if (it->is_number_unsigned()) {
      errors.push_back({"parent", "invalid", "The comment you reply to does not exist."});
    } else {
      errors.push_back({"parent", "invalid", "The parent must be a comment id."});
    }
  }
  return errors;
}

json draft_to_json(const Draft& d) {
  json j{{"page", d.page},     {"title", d.title}, {"parent", d.parent},  {"text", d.text},
         {"author", d.author}, {"email", d.email}, {"website", d.website}};
  if (d.notify_replies) j["notify_replies"] = true;
  if (d.notify_posts) j["notify_posts"] = true;
  return j;
}

json comment_to_json(const Comment& c, bool include_source) {
  json j{{"id", c.id},           {"parent", c.parent},      {"depth", c.depth},
         {"author", c.author},   {"website", c.website},    {"html", c.html},
         {"created", c.created}, {"verified", c.verified()}};
  if (c.verified()) {
    j["provider"] = c.provider;
    j["provider_name"] = c.provider_name;
    j["avatar"] = c.avatar;
  }
  if (c.pinned) j["pinned"] = true;
  if (include_source) j["text"] = c.text;
  if (c.deleted) j["deleted"] = true;
  return j;
}

bool comment_from_json(const json& j, Comment& out) {
  if (!j.is_object()) return false;
  const auto int_member = [&](const char* name, std::int64_t& dst) {
    const auto it = j.find(name);
    if (it == j.end() || !it->is_number_integer()) return false;
    dst = it->get<std::int64_t>();
    return true;
  };
  const auto str_member = [&](const char* name, std::string& dst, bool required) {
    const auto it = j.find(name);
    if (it == j.end() || it->is_null()) return !required;
    if (!it->is_string()) return false;
    dst = it->get<std::string>();
    return true;
  };
  std::int64_t depth = 0;
  if (!int_member("id", out.id) || !int_member("parent", out.parent) ||
      !int_member("created", out.created) || !str_member("author", out.author, true) ||
      !str_member("html", out.html, true) || !str_member("website", out.website, false) ||
      !str_member("text", out.text, false)) {
    return false;
  }
  const auto verified = j.find("verified");
  if (verified != j.end() && verified->is_boolean() && verified->get<bool>()) {
    if (!str_member("provider", out.provider, true) || out.provider.empty() ||
        !str_member("provider_name", out.provider_name, false) ||
        !str_member("avatar", out.avatar, false)) {
      return false;
    }
  }
  const auto pinned = j.find("pinned");
  out.pinned = pinned != j.end() && pinned->is_boolean() && pinned->get<bool>();
  if (const auto it = j.find("deleted"); it != j.end() && it->is_boolean()) {
    out.deleted = it->get<bool>();
  }
  if (int_member("depth", depth))
    out.depth = static_cast<int>(depth < 0 ? 0 : depth > 1000 ? 1000 : depth);
  return true;
}

}  // namespace parley
