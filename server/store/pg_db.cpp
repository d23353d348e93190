#include "store/pg_db.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <charconv>
#include <memory>

namespace parley::server::pg {
namespace {

// parleyd serves every request from one thread, so a connection attempt blocks them all:
// give up on an unreachable server quickly (libpq's unit is whole seconds; 2 is its floor)
// and answer 503 instead.
constexpr const char* kConnectTimeoutSeconds = "2";
// While the server is down, requests fail fast with 503 and only one per interval
// pays for a new connection attempt.
constexpr std::chrono::milliseconds kReconnectInterval{500};

// SQLSTATE classes that mean "the server is not serving now", not "this query is wrong":
// 08 connection exception, 57P01-57P03 shutdown/crash/starting up, 53 out of resources.
bool unavailable_state(const char* state) {
  if (!state) return false;
  const std::string_view s(state);
  return s.starts_with("08") || s.starts_with("53") || s == "57P01" || s == "57P02" || s == "57P03";
}

std::string trimmed(const char* message) {
  std::string m = message ? message : "";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

// True when an idle connection has something to read: the server only talks unasked
// when it is closing the session (shutdown, restart, admin kill), so the connection is
// about to fail and is better replaced before a query is sent on it.
bool idle_socket_readable(pg_conn* conn) {
  pollfd p{PQsocket(conn), POLLIN, 0};
  return p.fd < 0 || ::poll(&p, 1, 0) != 0;
}

}  // namespace

void Result::Clear::operator()(pg_result* r) const {
  PQclear(r);
}

int Result::rows() const {
  return PQntuples(res_.get());
}

std::string Result::text(int row, int column) const {
  return std::string(PQgetvalue(res_.get(), row, column),
                     static_cast<std::size_t>(PQgetlength(res_.get(), row, column)));
}

std::int64_t Result::integer(int row, int column) const {
  const char* v = PQgetvalue(res_.get(), row, column);
  const char* end = v + PQgetlength(res_.get(), row, column);
  std::int64_t out = 0;
  const auto [ptr, ec] = std::from_chars(v, end, out);
  if (ec != std::errc{} || ptr != end) throw Error("postgres: a column is not an integer");
  return out;
}

Connection::Connection(std::string conninfo) : conninfo_(std::move(conninfo)) {
  last_attempt_ = std::chrono::steady_clock::now();
  connect();
}

Connection::~Connection() {
  PQfinish(conn_);
}

void Connection::connect() {
  PQfinish(conn_);
  // Keywords before "dbname" are defaults: the expanded connection string overrides them.
  // A 201 means the comment is on disk: commits wait for the WAL flush even where the
  // server's default was relaxed.
  const char* const keys[] = {"connect_timeout", "fallback_application_name", "options", "dbname",
                              nullptr};
  const char* const values[] = {kConnectTimeoutSeconds, "parleyd", "-c synchronous_commit=on",
                                conninfo_.c_str(), nullptr};
  conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (PQstatus(conn_) != CONNECTION_OK) {
    const std::string message = trimmed(PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    throw StoreUnavailable("postgres: cannot connect: " + message);
  }
  // Notices ("relation already exists, skipping" from idempotent migrations) are
  // informational; libpq would print each one to stderr.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
  ++connections_;
  for (const std::string& channel : channels_) listen_now(channel);
}

void Connection::listen_now(const std::string& channel) {
  const std::unique_ptr<char, decltype(&PQfreemem)> quoted(
      PQescapeIdentifier(conn_, channel.c_str(), channel.size()), &PQfreemem);
  if (!quoted) throw Error("postgres: cannot quote a channel name");
  check(PQexec(conn_, ("LISTEN " + std::string(quoted.get())).c_str()), "listen");
}

void Connection::listen(std::string channel) {
  ensure_connected();
  listen_now(channel);
  channels_.push_back(std::move(channel));
}

std::vector<Notification> Connection::notifications() {
  if (!conn_ || PQconsumeInput(conn_) == 0 || PQstatus(conn_) != CONNECTION_OK) {
    throw StoreUnavailable("postgres: the listening connection was lost: " +
                           trimmed(conn_ ? PQerrorMessage(conn_) : "not connected"));
  }
  std::vector<Notification> out;
  while (PGnotify* n = PQnotifies(conn_)) {
    out.push_back({n->relname, n->extra});
    PQfreemem(n);
  }
  return out;
}

int Connection::socket() const {
  return conn_ && PQstatus(conn_) == CONNECTION_OK ? PQsocket(conn_) : -1;
}

void Connection::ensure_connected() {
  if (conn_ && PQstatus(conn_) == CONNECTION_OK &&
      (!channels_.empty() || !idle_socket_readable(conn_))) {
    return;
  }
  if (in_transaction_) throw StoreUnavailable("postgres: connection lost in a transaction");
  const auto now = std::chrono::steady_clock::now();
  if (now - last_attempt_ < kReconnectInterval) {
    throw StoreUnavailable("postgres: unavailable, reconnecting");
  }
  last_attempt_ = now;
  connect();
  prepare_all();
}

Result Connection::check(pg_result* res, std::string_view what) {
  const ExecStatusType status = PQresultStatus(res);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    // Counted by command tag rather than by caller, so no write path can forget it.
    if (!std::string_view(PQcmdStatus(res)).starts_with("SELECT")) ++writes_;
    return Result(res);
  }
  const char* state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
  std::string message = "postgres: " + std::string(what) + ": ";
  message += res ? trimmed(PQresultErrorMessage(res)) : trimmed(PQerrorMessage(conn_));
  const bool lost = PQstatus(conn_) != CONNECTION_OK || unavailable_state(state);
  PQclear(res);
  if (lost) throw StoreUnavailable(message);
  throw Error(message);
}

void Connection::exec(const char* sql) {
  ensure_connected();
  check(PQexec(conn_, sql), "exec");
}

Result Connection::query(const char* sql, std::initializer_list<std::string_view> params) {
  ensure_connected();
  // Text-format parameters must be NUL-terminated: copy them into strings.
  std::vector<std::string> owned(params.begin(), params.end());
  std::vector<const char*> values;
  values.reserve(owned.size());
  for (const std::string& p : owned) values.push_back(p.c_str());
  return check(PQexecParams(conn_, sql, static_cast<int>(values.size()), nullptr, values.data(),
                            nullptr, nullptr, 0),
               "query");
}

void Connection::prepare(std::vector<PreparedSql> statements) {
  ensure_connected();
  for (PreparedSql& st : statements) {
    check(PQprepare(conn_, st.name.c_str(), st.sql.c_str(), 0, nullptr), "prepare");
    statements_.push_back(std::move(st));
  }
}

void Connection::prepare_all() {
  for (const PreparedSql& st : statements_) {
    check(PQprepare(conn_, st.name.c_str(), st.sql.c_str(), 0, nullptr), "prepare");
  }
}

Result Connection::run(const std::string& name, std::initializer_list<std::string_view> params) {
  ensure_connected();
  std::vector<std::string> owned(params.begin(), params.end());
  std::vector<const char*> values;
  values.reserve(owned.size());
  for (const std::string& p : owned) values.push_back(p.c_str());
  return check(PQexecPrepared(conn_, name.c_str(), static_cast<int>(values.size()), values.data(),
                              nullptr, nullptr, 0),
               name);
}

Transaction::Transaction(Connection& db) : db_(db) {
  db_.exec("BEGIN");
  db_.in_transaction_ = true;
}

Transaction::~Transaction() {
  if (done_) return;
  db_.in_transaction_ = false;
  // Without a reply the connection is gone, and the server rolled back with it.
  if (db_.conn_) PQclear(PQexec(db_.conn_, "ROLLBACK"));
}

void Transaction::commit() {
  db_.exec("COMMIT");
  db_.in_transaction_ = false;
  done_ = true;
}

}  // namespace parley::server::pg
