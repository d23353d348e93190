// The PostgreSQL schema, as an ordered list of migrations mirroring the SQLite ones.
// Table parley_schema records how many have run; migrate() applies the rest at startup.
// Several parleyd processes may start at once on one database: an advisory lock makes
// one of them migrate while the others wait and then find nothing left to do.
#pragma once

#include "store/pg_db.hpp"

namespace parley::server::pg {

// The schema version this build writes. A database from a newer build is refused
// rather than half-understood.
int schema_version();

// The version a database is at (0 when parleyd never ran on it).
int current_version(Connection& db);

void migrate(Connection& db);

}  // namespace parley::server::pg
