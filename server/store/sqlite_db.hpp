// Thin RAII over the SQLite C API: a connection and prepared statements. Errors become
// one exception type carrying SQLite's message (never bound values, so never user data).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace parley::server::sqlite {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Statement;

class Database {
 public:
  explicit Database(const std::string& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that take no parameters (schema, pragmas).
  void exec(const char* sql);
  std::int64_t user_version();
  std::int64_t last_insert_rowid() const;
  // Rows this connection inserted, updated or deleted since it opened.
  std::int64_t total_changes() const;
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// A prepared statement, prepared once and reused: reset() before each use rebinds.
class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& reset();                                 // clears bindings and the previous run
  Statement& bind(int index, std::string_view text);  // 1-based, as in SQLite
  Statement& bind(int index, std::int64_t value);
  // Advances to the next row; false when done.
  bool step();
  // Runs a statement that returns no rows.
  void run();

  std::int64_t column_int(int index) const;  // 0-based, as in SQLite
  std::string column_text(int index) const;

 private:
  [[noreturn]] void fail(int rc) const;
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back if the scope is left by an exception.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace parley::server::sqlite
