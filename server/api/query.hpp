// Query string parsing: application/x-www-form-urlencoded, percent-decoded, bounded
// (server limits kMaxQueryBytes, kMaxQueryParams), and checked to be UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::server {

class Query {
 public:
  // Throws ApiError: bad_request (too long, too many parameters, broken %-escape) or
  // bad_utf8 (a decoded name or value is not UTF-8).
  static Query parse(std::string_view raw);
  // A form body (POST application/x-www-form-urlencoded, docs/seo-nojs.md): the same
  // encoding, bounded by the body limit and limits::kMaxFormParams instead. Throws the
  // same errors, worded for a form.
  static Query parse_form(std::string_view body);
  // The same, for forms that may carry more fields (the admin UI's bulk actions).
  static Query parse_form(std::string_view body, std::size_t max_params);

  // The first value of `name`, if present.
  std::optional<std::string_view> get(std::string_view name) const;
  // Every value of `name`, in order (?page=/a/&page=/b/).
  std::vector<std::string> all(std::string_view name) const;

 private:
  static Query parse(std::string_view raw, std::string_view what, std::size_t max_params);
  std::vector<std::pair<std::string, std::string>> params_;
};

}  // namespace parley::server
