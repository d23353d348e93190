// Thin RAII over libpq: one connection that reconnects itself, named prepared
// statements, and text-format results. Errors become pg::Error carrying the server's
// message (never bound values, so never user data); a lost or unreachable server
// becomes StoreUnavailable, which callers may retry later.
#pragma once

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "store/store_error.hpp"

struct pg_conn;
struct pg_result;

namespace parley::server::pg {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A query result; rows and columns are 0-based, values in PostgreSQL's text format.
class Result {
 public:
  explicit Result(pg_result* res) : res_(res) {}
  int rows() const;
  std::string text(int row, int column) const;
  std::int64_t integer(int row, int column) const;

 private:
  struct Clear {
    void operator()(pg_result* r) const;
  };
  std::unique_ptr<pg_result, Clear> res_;
};

// What the server sent unasked on a LISTENed channel (NOTIFY channel, 'payload').
struct Notification {
  std::string channel;
  std::string payload;
};

// A statement prepared on every (re)connection under its name.
struct PreparedSql {
  std::string name;
  std::string sql;
};

class Connection {
 public:
  // Connects to `conninfo` (a postgresql:// URI or key=value string). Throws
  // StoreUnavailable when the server cannot be reached.
  explicit Connection(std::string conninfo);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs SQL without parameters (schema, BEGIN/COMMIT); may hold several statements.
  void exec(const char* sql);
  // Runs one statement with text parameters ($1, $2, ...).
  Result query(const char* sql, std::initializer_list<std::string_view> params = {});
  // Prepares `statements` now and again after every reconnection (adding to those
  // prepared before); called once the schema they refer to exists.
  void prepare(std::vector<PreparedSql> statements);
  // Runs a prepared statement by name.
  Result run(const std::string& name, std::initializer_list<std::string_view> params);
  // LISTENs on `channel` now and again after every reconnection. A listening
  // connection is not replaced merely because its idle socket is readable: the server
  // sends notifications unasked.
  void listen(std::string channel);
  // Notifications received so far, oldest first. Throws StoreUnavailable when the
  // connection is lost.
  std::vector<Notification> notifications();
  // Reconnects now if the connection was lost (at most once per reconnect interval);
  // throws StoreUnavailable while the server is unreachable.
  void ensure_connected();
  // The socket to wait on for notifications; -1 while disconnected.
  int socket() const;
  // Connections made so far: a change means the socket and session are new.
  std::uint64_t connections() const { return connections_; }

  // Statements other than SELECT run so far (INSERT, UPDATE, DELETE, COMMIT, ...): a
  // change of it means this connection may have changed data.
  std::uint64_t writes() const { return writes_; }

 private:
  void connect();
  void listen_now(const std::string& channel);
  void prepare_all();
  friend class Transaction;
  Result check(pg_result* res, std::string_view what);

  std::string conninfo_;
  std::vector<PreparedSql> statements_;
  std::vector<std::string> channels_;
  std::uint64_t connections_ = 0;
  pg_conn* conn_ = nullptr;
  std::uint64_t writes_ = 0;
  std::chrono::steady_clock::time_point last_attempt_{};
  // A reconnection inside a transaction would run its remaining statements outside it.
  bool in_transaction_ = false;
};

// BEGIN ... COMMIT, rolled back if the scope is left by an exception.
class Transaction {
 public:
  explicit Transaction(Connection& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& db_;
  bool done_ = false;
};

}  // namespace parley::server::pg
