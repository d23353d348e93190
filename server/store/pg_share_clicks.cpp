#include "store/pg_share_clicks.hpp"

#include <string>

namespace parley::server::pg {
namespace {

const std::string kAdd = "share_click_add";
const std::string kList = "share_click_list";

}  // namespace

ShareClickStatements::ShareClickStatements(Connection& db) : db_(db) {
  // One statement per click: the upsert is atomic across parleyd processes.
  db_.prepare({
      {kAdd, R"sql(
          INSERT INTO share_clicks (site, page, target, clicks) VALUES ($1, $2, $3, 1)
          ON CONFLICT (site, page, target) DO UPDATE SET clicks = share_clicks.clicks + 1)sql"},
      {kList, R"sql(
          SELECT target, clicks FROM share_clicks WHERE site = $1 AND page = $2
          ORDER BY target)sql"},
  });
}

void ShareClickStatements::add(std::string_view site, std::string_view page,
                               std::string_view target) {
  db_.run(kAdd, {site, page, target});
}

std::vector<ShareClicks> ShareClickStatements::list(std::string_view site, std::string_view page) {
  const Result r = db_.run(kList, {site, page});
  std::vector<ShareClicks> out;
  for (int row = 0; row < r.rows(); ++row) out.push_back({r.text(row, 0), r.integer(row, 1)});
  return out;
}

}  // namespace parley::server::pg
