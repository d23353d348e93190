#include "live/pg_fanout.hpp"

#include <algorithm>
#include <chrono>
#include <iostream>

#include "live/live_limits.hpp"
#include "store/store_error.hpp"

namespace parley::server::live {
namespace {

namespace net = boost::asio;

constexpr const char* kEventsChannel = "parley_events";
constexpr const char* kChangedChannel = "parley_changed";
// How often a lost listening connection is retried. A PostgreSQL restart takes seconds.
constexpr std::chrono::seconds kRetry{1};
// Events kept in live_events: a reader away longer reloads the thread anyway.
constexpr const char* kKeepEvents = "1 hour";
// Old events are deleted on every this many sends, so the table stays small without a
// separate job.
constexpr std::uint64_t kPruneEvery = 1024;
// Events held back while PostgreSQL is unreachable; beyond that, readers see the
// newer comments when they next load the thread.
constexpr std::size_t kMaxUnsent = 1000;
// Events delivered at once after a reconnection; beyond that readers reload threads.
constexpr const char* kCatchUpLimit = "1000";

const std::vector<pg::PreparedSql>& statements() {
  static const std::vector<pg::PreparedSql> kStatements = {
      {"live_insert",
       "INSERT INTO live_events (site, page, data) VALUES ($1, $2, $3) RETURNING id"},
      {"live_by_ids",
       "SELECT id, site, page, data FROM live_events WHERE id = ANY($1::bigint[]) ORDER BY id"},
      {"live_after",
       "SELECT id, site, page, data FROM live_events WHERE id > $1::bigint ORDER BY id "
       "LIMIT $2::integer"},
      // The newest kLiveBacklogPerPage after last_id, returned oldest first. A last_id
      // beyond every id (from before PostgreSQL was the store, or another database)
      // cannot be placed: the recent events are replayed, as EventHub does.
      {"live_since",
       "SELECT id, site, page, data FROM (SELECT * FROM live_events WHERE site = $1 AND "
       "page = $2 AND id > (CASE WHEN $3::bigint > (SELECT coalesce(max(id), 0) FROM "
       "live_events) THEN 0 ELSE $3::bigint END) ORDER BY id DESC LIMIT $4::integer) e "
       "ORDER BY id"},
      {"live_newest", "SELECT coalesce(max(id), 0) FROM live_events"},
      {"live_prune", "DELETE FROM live_events WHERE created < now() - $1::interval"},
  };
  return kStatements;
}

}  // namespace

PgFanout::PgFanout(net::io_context& ioc, std::string conninfo, EventHub& hub, ThreadCache& threads)
    : db_(std::move(conninfo)), hub_(hub), threads_(threads), socket_(ioc), retry_timer_(ioc) {
  db_.prepare(statements());
  db_.listen(kEventsChannel);
  db_.listen(kChangedChannel);
  // Only what happens from now on: older events are for readers resuming (since()).
  last_seen_ = static_cast<std::uint64_t>(db_.run("live_newest", {}).integer(0, 0));
  db_.run("live_prune", {kKeepEvents});
  connection_seen_ = db_.connections();
  hub_.set_relay(this);
  arm();
}

PgFanout::~PgFanout() {
  hub_.set_relay(nullptr);
  disarm();
}

std::uint64_t PgFanout::send(std::string_view site, std::string_view page, std::string data) {
  disarm();
  std::uint64_t id = 0;
  try {
    flush_unsent();
    id = insert(site, page, data);
  } catch (const std::exception& e) {
    // The change itself is stored; its event goes out once PostgreSQL answers again
    // (retry()), and readers of this process see it then too.
    if (unsent_.size() < kMaxUnsent)
      unsent_.push_back({std::string(site), std::string(page), std::move(data)});
    std::cerr << "parleyd: live update held back: " << e.what() << '\n';
  }
  arm();
  return id;
}

std::uint64_t PgFanout::insert(std::string_view site, std::string_view page,
                               std::string_view data) {
  const auto id =
      static_cast<std::uint64_t>(db_.run("live_insert", {site, page, data}).integer(0, 0));
  if (++sent_ % kPruneEvery == 0) db_.run("live_prune", {kKeepEvents});
  return id;
}

void PgFanout::flush_unsent() {
  while (!unsent_.empty()) {
    const Unsent& u = unsent_.front();
    insert(u.site, u.page, u.data);
    unsent_.pop_front();
  }
}

std::vector<LiveEvent> PgFanout::since(std::string_view site, std::string_view page,
                                       std::uint64_t last_id) {
  disarm();
  std::vector<LiveEvent> out;
  try {
    const pg::Result r = db_.run("live_since", {site, page, std::to_string(last_id),
                                                std::to_string(limits::kLiveBacklogPerPage)});
    for (int row = 0; row < r.rows(); ++row) {
      out.push_back({static_cast<std::uint64_t>(r.integer(row, 0)), r.text(row, 3)});
    }
  } catch (...) {
    arm();
    throw;  // StoreUnavailable: the handler answers 503 and EventSource retries
  }
  arm();
  return out;
}

void PgFanout::arm() {
  if (armed_ || down_) return;
  try {
    // Any query may have reconnected underneath (pg::Connection does so by itself).
    if (db_.connections() != connection_seen_) {
      connection_seen_ = db_.connections();
      catch_up();
    }
    // Queries on this connection collect notifications that arrived meanwhile; libpq
    // already read them off the socket, so waiting would not see them.
    take_notifications();
  } catch (const std::exception& e) {
    return lost(e);
  }
  const int fd = db_.socket();
  if (fd < 0) return lost(StoreUnavailable("postgres: the listening connection is closed"));
  socket_.assign(fd);
  armed_ = true;
  socket_.async_wait(net::posix::stream_descriptor::wait_read,
                     [this](const boost::system::error_code& ec) { on_readable(ec); });
}

void PgFanout::disarm() {
  if (!armed_) return;
  // libpq owns the socket: hand it back without closing it. The pending wait completes
  // with operation_aborted, which on_readable ignores.
  socket_.release();
  armed_ = false;
}

void PgFanout::on_readable(const boost::system::error_code& ec) {
  if (ec == net::error::operation_aborted || !armed_) return;
  disarm();
  arm();  // takes the notifications, then waits again
}

void PgFanout::take_notifications() {
  for (;;) {
    const std::vector<pg::Notification> notes = db_.notifications();
    if (notes.empty()) return;
    std::string ids = "{";
    for (const pg::Notification& n : notes) {
      if (n.channel == kChangedChannel) {
        threads_.invalidate_all();
      } else if (n.channel == kEventsChannel) {
        if (ids.size() > 1) ids += ',';
        ids += n.payload;  // an id, written by our trigger
      }
    }
    ids += '}';
    if (ids.size() > 2) deliver_rows(db_.run("live_by_ids", {ids}));
  }
}

void PgFanout::deliver_rows(const pg::Result& rows) {
  for (int row = 0; row < rows.rows(); ++row) {
    const auto id = static_cast<std::uint64_t>(rows.integer(row, 0));
    last_seen_ = std::max(last_seen_, id);
    hub_.deliver(id, rows.text(row, 1), rows.text(row, 2), rows.text(row, 3));
  }
}

void PgFanout::catch_up() {
  // Whatever changed while we were not listening may be in a cached thread.
  threads_.invalidate_all();
  deliver_rows(db_.run("live_after", {std::to_string(last_seen_), kCatchUpLimit}));
}

void PgFanout::lost(const std::exception& why) {
  disarm();
  if (!down_) std::cerr << "parleyd: live updates paused: " << why.what() << '\n';
  down_ = true;
  threads_.set_enabled(false);
  retry_timer_.expires_after(kRetry);
  retry_timer_.async_wait([this](const boost::system::error_code& ec) {
    if (!ec) retry();
  });
}

void PgFanout::retry() {
  try {
    db_.ensure_connected();
    flush_unsent();
    if (db_.connections() != connection_seen_) {
      connection_seen_ = db_.connections();
      catch_up();
    }
  } catch (const std::exception& e) {
    return lost(e);  // logs only the first failure of an outage
  }
  down_ = false;
  threads_.set_enabled(true);
  std::cerr << "parleyd: live updates resumed\n";
  arm();
}

}  // namespace parley::server::live
