// The store engine a configuration names, opened (parleyd serving, parleyd export-html).
#pragma once

#include <memory>
#include <string>

#include "store/store.hpp"

namespace parley::server {

// "postgres": PgStore on `postgres`; otherwise SqliteStore on the file `db`, creating
// its directory. Throws what the engine throws when it cannot open.
std::unique_ptr<Store> open_store(const std::string& engine, const std::string& db,
                                  const std::string& postgres);

}  // namespace parley::server
