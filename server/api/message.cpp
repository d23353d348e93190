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

Response json_response(int status, std::string json_body) {
  Response res;
  res.status = status;
  res.set("Content-Type", "application/json; charset=utf-8");
  res.body = std::move(json_body);
  return res;
}

}  // namespace parley::server
