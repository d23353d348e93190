#include "store/open_store.hpp"

#include <filesystem>

#include "store/pg_store.hpp"
#include "store/sqlite_store.hpp"

namespace parley::server {

std::unique_ptr<Store> open_store(const std::string& engine, const std::string& db,
                                  const std::string& postgres) {
  if (engine == "postgres") return std::make_unique<PgStore>(postgres);
  if (const auto dir = std::filesystem::path(db).parent_path(); !dir.empty()) {
    std::filesystem::create_directories(dir);
  }
  return std::make_unique<SqliteStore>(db);
}

}  // namespace parley::server
