#include "api/message.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace parley::server {

std::string_view find_header(const std::vector<Header>& headers, std::string_view name) {
  for (const Header& h : headers) {
    if (iequals(h.name, name)) return h.value;
  }
  return {};
}

void Response::set(std::string_view name, std::string value) {
  erase(name);
  headers.push_back({std::string(name), std::move(value)});
}

void Response::erase(std::string_view name) {
  std::erase_if(headers, [&](const Header& h) { return iequals(h.name, name); });
}

namespace {

Response typed_response(int status, std::string content_type, std::string body) {
  Response res;
  res.status = status;
  res.set("Content-Type", std::move(content_type));
  res.body = std::move(body);
  return res;
}

}  // namespace

Response json_response(int status, std::string json_body) {
  return typed_response(status, "application/json; charset=utf-8", std::move(json_body));
}

Response html_response(int status, std::string html_body) {
  return typed_response(status, "text/html; charset=utf-8", std::move(html_body));
}

}  // namespace parley::server
