#include "output.hpp"

#include "core/html.hpp"
#include "core/json_writer.hpp"
#include "core/view_keys.hpp"

namespace parley::widget {

namespace {

void separate(std::string& list) {
  if (!list.empty()) list.push_back(',');
}

}  // namespace

void Output::member(std::string& out, std::string_view name, std::string_view text) {
  out.push_back(',');
  append_json_string(out, name);
  out.push_back(':');
  append_json_string(out, text);
}

void Output::begin_patch(std::string_view op, std::string_view key) {
  separate(patches_);
  patches_.append("{\"op\":");
  append_json_string(patches_, op);
  member(patches_, "key", key);
}

void Output::html(std::string_view key, const SafeHtml& content) {
  markup_patch("html", key, content);
}

void Output::append(std::string_view key, const SafeHtml& content) {
  markup_patch("append", key, content);
}

void Output::prepend(std::string_view key, const SafeHtml& content) {
  markup_patch("prepend", key, content);
}

void Output::replace(std::string_view key, const SafeHtml& content) {
  markup_patch("replace", key, content);
}

void Output::markup_patch(std::string_view op, std::string_view key, const SafeHtml& content) {
  begin_patch(op, key);
  patches_.append(",\"bytes\":");
  patches_.append(std::to_string(content.str().size()));
  patches_.push_back('}');
  markup_.append(content.str());
}

void Output::move(std::string_view key, std::string_view to) {
  begin_patch("move", key);
  member(patches_, "to", to);
  patches_.push_back('}');
}

void Output::attr(std::string_view key, std::string_view name,
                  std::optional<std::string_view> value) {
  begin_patch("attr", key);
  member(patches_, "name", name);
  if (value) {
    member(patches_, "value", *value);
  } else {
    patches_.append(",\"value\":null");
  }
  patches_.push_back('}');
}

void Output::value(std::string_view key, std::string_view text) {
  begin_patch("value", key);
  member(patches_, "value", text);
  patches_.push_back('}');
}

void Output::focus(std::string_view key) {
  begin_patch("focus", key);
  patches_.push_back('}');
}

void Output::status(std::string_view message) {
  HtmlBuilder b;
  b.text(message);
  html(view::keys::kStatus, std::move(b).finish());
}

void Output::fetch(int request, std::string_view method, std::string path,
                   std::optional<std::string> body, std::string_view bearer) {
  separate(effects_);
  effects_.append("{\"kind\":\"fetch\",\"request\":");
  effects_.append(std::to_string(request));
  member(effects_, "method", method);
  member(effects_, "path", path);
  if (body) member(effects_, "body", *body);
  if (!bearer.empty()) member(effects_, "bearer", bearer);
  effects_.push_back('}');
}

void Output::popup(std::string_view path) {
  separate(effects_);
  effects_.append("{\"kind\":\"popup\"");
  member(effects_, "path", path);
  effects_.push_back('}');
}

void Output::close_popup() {
  separate(effects_);
  effects_.append("{\"kind\":\"popup\",\"close\":true}");
}

void Output::listen(std::string_view path, int after_ms) {
  separate(effects_);
  effects_.append("{\"kind\":\"listen\"");
  member(effects_, "path", path);
  effects_.append(",\"after\":");
  effects_.append(std::to_string(after_ms));
  effects_.push_back('}');
}

void Output::copy(std::string_view text) {
  separate(effects_);
  effects_.append("{\"kind\":\"copy\"");
  member(effects_, "text", text);
  effects_.push_back('}');
}

void Output::share(std::string_view title, std::string_view text, std::string_view url) {
  separate(effects_);
  effects_.append("{\"kind\":\"share\"");
  member(effects_, "title", title);
  member(effects_, "text", text);
  member(effects_, "url", url);
  effects_.push_back('}');
}

void Output::print() {
  separate(effects_);
  effects_.append("{\"kind\":\"print\"}");
}

void Output::beacon(std::string path, std::string_view body) {
  separate(effects_);
  effects_.append("{\"kind\":\"beacon\"");
  member(effects_, "path", path);
  member(effects_, "body", body);
  effects_.push_back('}');
}

void Output::yield() {
  separate(effects_);
  effects_.append("{\"kind\":\"yield\"}");
}

void Output::work(std::string_view challenge, int bits) {
  separate(effects_);
  effects_.append("{\"kind\":\"work\"");
  member(effects_, "challenge", challenge);
  effects_.append(",\"bits\":" + std::to_string(bits) + "}");
}

void Output::download(std::string_view name, std::string_view type, std::string_view text) {
  separate(effects_);
  effects_.append("{\"kind\":\"download\"");
  member(effects_, "name", name);
  member(effects_, "type", type);
  member(effects_, "text", text);
  effects_.push_back('}');
}

void Output::save_string(std::string_view key, std::string_view value) {
  std::string json;
  append_json_string(json, value);
  save_json(key, json);
}

void Output::remove(std::string_view key) {
  save_json(key, "null");
}

void Output::save_json(std::string_view key, std::string_view json) {
  separate(effects_);
  effects_.append("{\"kind\":\"save\"");
  member(effects_, "key", key);
  effects_.append(",\"value\":");
  effects_.append(json);
  effects_.push_back('}');
}

std::string Output::serialize() const {
  std::string out;
  out.reserve(patches_.size() + effects_.size() + markup_.size() + 32);
  out.append("{\"patches\":[").append(patches_).append("],\"effects\":[");
  out.append(effects_).append("]}\n").append(markup_);
  return out;
}

}  // namespace parley::widget
