// The SQLite schema, as an ordered list of migrations. PRAGMA user_version records how
// many have run; migrate() applies the rest at startup, each in its own transaction.
#pragma once

#include "store/sqlite_db.hpp"

namespace parley::server::sqlite {

// The schema version this build writes. A database from a newer build is refused
// rather than half-understood.
int schema_version();

void migrate(Database& db);

}  // namespace parley::server::sqlite
