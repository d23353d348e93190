#include "output.hpp"

#include "core/html.hpp"
#include "core/view_keys.hpp"

namespace parley::widget {

using nlohmann::json;

json Output::patch(std::string_view op, std::string_view key) {
  return json{{"op", op}, {"key", key}};
}

void Output::html(std::string_view key, const SafeHtml& content) {
  json p = patch("html", key);
  p["html"] = content.str();
  patches_.push_back(std::move(p));
}

void Output::append(std::string_view key, const SafeHtml& content) {
  json p = patch("append", key);
  p["html"] = content.str();
  patches_.push_back(std::move(p));
}

void Output::move(std::string_view key, std::string_view to) {
  json p = patch("move", key);
  p["to"] = to;
  patches_.push_back(std::move(p));
}

void Output::attr(std::string_view key, std::string_view name,
                  std::optional<std::string_view> value) {
  json p = patch("attr", key);
  p["name"] = name;
  p["value"] = value ? json(*value) : json(nullptr);
  patches_.push_back(std::move(p));
}

void Output::value(std::string_view key, std::string_view text) {
  json p = patch("value", key);
  p["value"] = text;
  patches_.push_back(std::move(p));
}

void Output::checked(std::string_view key, bool on) {
  json p = patch("value", key);
  p["value"] = on;
  patches_.push_back(std::move(p));
}

void Output::focus(std::string_view key) {
  patches_.push_back(patch("focus", key));
}

void Output::status(std::string_view message) {
  HtmlBuilder b;
  b.text(message);
  html(view::keys::kStatus, std::move(b).finish());
}

void Output::fetch(int request, std::string_view method, std::string path,
                   std::optional<std::string> body) {
  json e{{"kind", "fetch"}, {"request", request}, {"method", method}, {"path", std::move(path)}};
  if (body) e["body"] = std::move(*body);
  effects_.push_back(std::move(e));
}

void Output::save(std::string_view key, json value) {
  effects_.push_back(json{{"kind", "save"}, {"key", key}, {"value", std::move(value)}});
}

std::string Output::serialize() const {
  const json out{{"patches", patches_}, {"effects", effects_}};
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace parley::widget
