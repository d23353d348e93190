// A reader's own data as the export hands it to them (GET /api/me/data, the guest's
// /privacy page, `parleyd privacy export`): the same JSON wherever it is asked for.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/privacy_store.hpp"

namespace parley::server::privacy {

struct ReaderData {
  std::vector<OwnComment> comments;
  std::vector<OwnLike> likes;
  std::vector<OwnSubscription> subscriptions = {};
};

// {"site", "exported", "comments": [{id, reply_to, page, title, author, website, text,
// status, created}], "likes": [{page, comment, created}], "subscriptions": [{page,
// comment, confirmed, created}]}; dates in ISO 8601 UTC.
std::string reader_data_json(std::string_view site, const ReaderData& data, std::int64_t now);

}  // namespace parley::server::privacy
