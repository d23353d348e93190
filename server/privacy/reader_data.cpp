#include "privacy/reader_data.hpp"

#include <nlohmann/json.hpp>

#include "core/dates.hpp"

namespace parley::server::privacy {

std::string reader_data_json(std::string_view site, const ReaderData& data, std::int64_t now) {
  using nlohmann::json;
  json comments = json::array();
  for (const OwnComment& c : data.comments) {
    comments.push_back({{"id", c.id},
                        {"reply_to", c.parent},
                        {"page", c.page},
                        {"title", c.title},
                        {"author", c.author},
                        {"website", c.website},
                        {"text", c.text},
                        {"status", c.status},
                        {"created", iso8601_utc(c.created)}});
  }
  json likes = json::array();
  for (const OwnLike& l : data.likes) {
    likes.push_back(
        {{"page", l.page}, {"comment", l.comment}, {"created", iso8601_utc(l.created)}});
  }
  json subscriptions = json::array();
  for (const OwnSubscription& s : data.subscriptions) {
    subscriptions.push_back({{"page", s.page},
                             {"comment", s.comment},
                             {"confirmed", s.confirmed},
                             {"created", iso8601_utc(s.created)}});
  }
  const json out = {{"site", site},
                    {"exported", iso8601_utc(now)},
                    {"comments", std::move(comments)},
                    {"likes", std::move(likes)},
                    {"subscriptions", std::move(subscriptions)}};
  // Invalid UTF-8 cannot be stored (core validates it), but an export never throws.
  return out.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace parley::server::privacy
