// The one INSERT of a comments row in the PostgreSQL engine: posting and importing both
// store every column through it, so an export and re-import keeps what a post stored
// (a logged-in author's provider and identity among it).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/pg_db.hpp"
#include "store/store.hpp"

namespace parley::server::pg {

// `INSERT INTO comments (...) SELECT thread.id, $4 ... $19 FROM thread`, for a
// statement whose CTE `thread` holds the thread's id and whose $1..$3 are its site,
// page and title; the caller adds its own WHERE and RETURNING.
std::string insert_comment_sql();

// Runs `statement` (prepared with insert_comment_sql) for `c`; `source`, when given,
// is the statement's $20 (an import's source key).
Result insert_comment(Connection& db, const std::string& statement, const NewComment& c,
                      std::optional<std::string_view> source = std::nullopt);

}  // namespace parley::server::pg
