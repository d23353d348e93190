#include "store/sqlite_share_clicks.hpp"

namespace parley::server::sqlite {

ShareClickStatements::ShareClickStatements(Database& db)
    : add_(db, R"sql(
          INSERT INTO share_clicks (site, page, target, clicks) VALUES (?1, ?2, ?3, 1)
          ON CONFLICT (site, page, target) DO UPDATE SET clicks = clicks + 1)sql"),
      list_(db, R"sql(
          SELECT target, clicks FROM share_clicks WHERE site = ?1 AND page = ?2
          ORDER BY target)sql") {}

void ShareClickStatements::add(std::string_view site, std::string_view page,
                               std::string_view target) {
  add_.reset().bind(1, site).bind(2, page).bind(3, target).run();
}

std::vector<ShareClicks> ShareClickStatements::list(std::string_view site, std::string_view page) {
  auto& st = list_.reset().bind(1, site).bind(2, page);
  std::vector<ShareClicks> out;
  while (st.step()) out.push_back({st.column_text(0), st.column_int(1)});
  st.reset();
  return out;
}

}  // namespace parley::server::sqlite
