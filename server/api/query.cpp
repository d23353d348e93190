#include "api/query.hpp"

#include "api/errors.hpp"
#include "core/utf8.hpp"
#include "server_limits.hpp"
#include "util/text.hpp"

namespace parley::server {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode_component(std::string_view s, std::string_view what) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%') {
      const int hi = i + 2 < s.size() ? hex_value(s[i + 1]) : -1;
      const int lo = hi >= 0 ? hex_value(s[i + 2]) : -1;
      if (lo < 0) {
        throw ApiError(ErrorCode::bad_request,
                       "The " + std::string(what) + " has a broken %-escape.");
      }
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  if (!utf8::valid(out)) {
    throw ApiError(ErrorCode::bad_utf8, "The " + std::string(what) + " is not valid UTF-8.");
  }
  return out;
}

}  // namespace

Query Query::parse(std::string_view raw) {
  if (raw.size() > limits::kMaxQueryBytes) {
    throw ApiError(ErrorCode::bad_request, "The query string is too long.");
  }
  return parse(raw, "query", limits::kMaxQueryParams);
}

Query Query::parse_form(std::string_view body) {
  // The transport already bounds the body (core limits::kMaxBodyBytes).
  return parse(body, "form", limits::kMaxFormParams);
}

Query Query::parse_form(std::string_view body, std::size_t max_params) {
  return parse(body, "form", max_params);
}

Query Query::parse(std::string_view raw, std::string_view what, std::size_t max_params) {
  Query q;
  for (std::string_view pair : split(raw, '&')) {
    if (pair.empty()) continue;
    if (q.params_.size() == max_params) {
      throw ApiError(ErrorCode::bad_request,
                     "The " + std::string(what) + " has too many parameters.");
    }
    const std::size_t eq = pair.find('=');
    std::string name = decode_component(pair.substr(0, eq), what);
    std::string value =
        eq == std::string_view::npos ? std::string{} : decode_component(pair.substr(eq + 1), what);
    q.params_.emplace_back(std::move(name), std::move(value));
  }
  return q;
}

std::optional<std::string_view> Query::get(std::string_view name) const {
  for (const auto& [n, v] : params_) {
    if (n == name) return v;
  }
  return std::nullopt;
}

std::vector<std::string> Query::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [n, v] : params_) {
    if (n == name) out.push_back(v);
  }
  return out;
}

}  // namespace parley::server
