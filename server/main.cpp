// parleyd: reads the configuration, builds the layers bottom-up and runs the server.
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <string_view>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/thread_pool.hpp>

#include "admin/admin_assets.hpp"
#include "admin/admin_service.hpp"
#include "admin_cli.hpp"
#include "api/context.hpp"
#include "archive_cli.hpp"
#include "auth/crypto.hpp"
#include "auth/login_service.hpp"
#include "auth/mastodon_app_store.hpp"
#include "auth/session_store.hpp"
#include "cli.hpp"
#include "export_html.hpp"
#include "fediverse/nodeinfo.hpp"
#include "http/server.hpp"
#include "live/event_hub.hpp"
#include "live/live_limits.hpp"
#include "live/pg_fanout.hpp"
#include "notify/notifier.hpp"
#include "notify/outbox_sender.hpp"
#include "notify/outbox_store.hpp"
#include "notify_cli.hpp"
#include "privacy/ip_hash_purger.hpp"
#include "privacy/privacy_store.hpp"
#include "privacy_cli.hpp"
#include "service/asset_catalog.hpp"
#include "service/comment_service.hpp"
#include "service/like_service.hpp"
#include "service/moderation.hpp"
#include "service/rate_limiter.hpp"
#include "service/sites.hpp"
#include "store/open_store.hpp"

namespace net = boost::asio;
using namespace parley::server;

namespace {

std::string url_host(const net::ip::address& address) {
  if (!address.is_v6()) return address.to_string();
  std::string host = "[";
  host += address.to_string();
  host += ']';
  return host;
}

// Live event ids start at the start time in microseconds, so ids keep growing across
// restarts (live::EventHub); 2^53 (exact in JavaScript) is centuries away.
std::uint64_t first_event_id() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

int serve(const Config& config) {
  const std::unique_ptr<Store> opened_store = open_store(config.store, config.db, config.postgres);
  Store& store = *opened_store;
  RateLimiter request_limiter(config.rate_limit.requests_per_minute, limits::kMaxTrackedClients);
  RateLimiter post_limiter(config.rate_limit.posts_per_minute, limits::kMaxTrackedClients);
  CommentService comments(store, post_limiter);
  RateLimiter like_limiter(config.rate_limit.likes_per_minute, limits::kMaxTrackedClients);
  // With a server secret every process derives the same salt (docs/security.md).
  LikeDigest like_digest =
      config.login.secret.empty() ? LikeDigest() : LikeDigest(config.login.secret);
  LikeService likes(store, like_limiter, like_digest);
  const Sites sites(config.sites);
  std::vector<std::string> warnings;
  const AssetCatalog assets = AssetCatalog::load(config.assets, warnings);
  for (const std::string& w : warnings) std::cerr << "parleyd: " << w << '\n';
  Services services{sites, comments, assets, request_limiter, likes, nullptr, nullptr, {}};
  // Moderation (docs/admin.md): bans, closed threads, held comments, on its own
  // connection. The server secret keys the author digests when there is one.
  const std::unique_ptr<ModerationStore> moderation_store =
      config.store == "postgres" ? open_pg_moderation_store(config.postgres)
                                 : open_sqlite_moderation_store(config.db);
  Moderation moderation(*moderation_store, sites,
                        config.login.secret.empty() ? "parley-author-digest" : config.login.secret);
  comments.set_moderation(&moderation);
  // Spam layers (docs/spam.md). Without a server secret the plain form's render tokens
  // are signed with one random per run: a form shown before a restart is sent again.
  spam::SpamFilter spam_filter(
      config.spam, *moderation_store,
      config.login.secret.empty() ? auth::random_token(32) : config.login.secret);
  comments.set_spam(&spam_filter);
  RateLimiter share_click_limiter(config.rate_limit.share_clicks_per_minute,
                                  limits::kMaxTrackedClients);
  ShareClickService share_clicks(store, share_click_limiter);
  services.share_clicks = &share_clicks;
  RateLimiter nodeinfo_limiter(config.rate_limit.nodeinfo_per_minute, limits::kMaxTrackedClients);
  fediverse::NodeInfoResolver nodeinfo(config.nodeinfo_test_insecure);
  services.nodeinfo = &nodeinfo;
  services.nodeinfo_limiter = &nodeinfo_limiter;

  // Login (docs/login.md), when the config has a "login" section.
  std::unique_ptr<auth::SessionStore> login_sessions;
  std::unique_ptr<auth::MastodonAppStore> mastodon_apps;
  std::unique_ptr<auth::LoginService> login;
  if (!config.login.sites.empty()) {
    const bool pg = config.store == "postgres";
    login_sessions = pg ? auth::open_pg_session_store(config.postgres)
                        : auth::open_sqlite_session_store(config.db);
    mastodon_apps = pg ? auth::open_pg_mastodon_app_store(config.postgres)
                       : auth::open_sqlite_mastodon_app_store(config.db);
    login = std::make_unique<auth::LoginService>(config.login, *login_sessions, *mastodon_apps);
    services.login = login.get();
  }

  // The admin UI (docs/admin.md): accounts and sessions on their own connection.
  const std::unique_ptr<admin::AdminStore> admin_store =
      config.store == "postgres" ? admin::open_pg_admin_store(config.postgres)
                                 : admin::open_sqlite_admin_store(config.db);
  admin::AdminService admin_accounts(*admin_store, config.rate_limit.admin_logins_per_minute);
  std::vector<std::string> admin_warnings;
  const admin::AdminAssets admin_assets = admin::AdminAssets::load(config.assets, admin_warnings);
  for (const std::string& w : admin_warnings) std::cerr << "parleyd: " << w << '\n';
  services.admin = &admin_accounts;
  services.admin_assets = &admin_assets;

  // Notifications (docs/notifications.md): posting writes outbox rows, the sender
  // thread delivers them. The server secret signs the owner's links; without one they
  // work until parleyd restarts.
  std::unique_ptr<notify::OutboxStore> outbox;
  std::unique_ptr<notify::OutboxSender> outbox_sender;
  std::unique_ptr<notify::Notifier> notifier;
  if (config.notify.enabled()) {
    outbox = config.store == "postgres" ? notify::open_pg_outbox_store(config.postgres)
                                        : notify::open_sqlite_outbox_store(config.db);
    outbox_sender = std::make_unique<notify::OutboxSender>(*outbox, config.notify);
    notifier = std::make_unique<notify::Notifier>(
        *outbox, outbox_sender.get(), config.notify, sites,
        config.login.secret.empty() ? auth::random_token(32) : config.login.secret);
    comments.set_listener(notifier.get());
    services.notifier = notifier.get();
  }

  // Privacy (docs/privacy.md): IP digests are blanked once past their retention.
  const std::unique_ptr<privacy::PrivacyStore> privacy_store =
      config.store == "postgres" ? privacy::open_pg_privacy_store(config.postgres)
                                 : privacy::open_sqlite_privacy_store(config.db);
  const privacy::IpHashPurger ip_hash_purger(*privacy_store, config.privacy.ip_hash_seconds);
  services.privacy = privacy_store.get();
  RateLimiter privacy_limiter(privacy::kDataRequestsPerMinute, limits::kMaxTrackedClients);
  services.privacy_limiter = &privacy_limiter;

  // Without a configured secret (a site without login) tokens are signed with a key of
  // this run: they stop working on restart, and on other processes (docs/api.md).
  services.edits = {config.edit_window_seconds, config.login.secret.empty()
                                                    ? auth::random_token(auth::kRandomBytes)
                                                    : config.login.secret};

  live::EventHub events(limits::kLiveMaxSubscribers, first_event_id());
  services.events = &events;
  ThreadCache threads(limits::kThreadCacheBytes);
  services.threads = &threads;

  // Declared after everything sessions refer to, so it is destroyed (with any
  // sessions still pending) first.
  net::io_context ioc{1};
  // After ioc, so it is destroyed (its threads joined) first, while the services and
  // the sessions its work refers to still exist.
  net::thread_pool provider_workers{limits::kProviderThreads};
  const net::ip::tcp::endpoint bound =
      start_http(ioc, {net::ip::make_address(config.listen), config.port}, services,
                 HttpOptions{config.log_requests, &provider_workers});
  // Several parleyd on one PostgreSQL share live updates and cache invalidations.
  std::unique_ptr<live::PgFanout> fanout;
  if (config.store == "postgres") {
    fanout = std::make_unique<live::PgFanout>(ioc, config.postgres, events, threads);
  }
  net::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&ioc](const boost::system::error_code&, int) { ioc.stop(); });

  const std::string bound_url =
      "http://" + url_host(bound.address()) + ':' + std::to_string(bound.port());
  services.public_url = !config.public_url.empty()         ? config.public_url
                        : !config.login.public_url.empty() ? config.login.public_url
                                                           : bound_url;
  if (services.public_url.ends_with('/')) services.public_url.pop_back();
  if (notifier) notifier->set_public_url(services.public_url);
  // Browsers drop Secure cookies sent over plain http; only the demo runs that way.
  services.admin_insecure_cookie = config.demo && services.public_url.starts_with("http://");
  if (login) {
    // Providers send readers back to <public_url>/auth/callback; without a configured
    // public_url that is the address just bound (the demo and the tests).
    login->set_default_public_url(bound_url);
  }

  // Tests and scripts wait for this exact line.
  std::cout << "parleyd listening on http://" << url_host(bound.address()) << ':' << bound.port()
            << std::endl;
  ioc.run();
  std::cerr << "parleyd: stopped\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  if (!args.empty() && args.front() == "admin") {
    return run_admin_command(std::span(args).subspan(1));
  }
  if (!args.empty() && args.front() == "export-html") {
    return export_html(std::span(args).subspan(1));
  }
  if (!args.empty() && is_archive_command(args.front())) return run_archive_command(args);
  if (!args.empty() && args.front() == "privacy") return run_privacy_command(args);
  if (!args.empty() && args.front() == "notify") return run_notify_command(args);
  const CliOutcome cli = parse_command_line(args);
  if (!cli.config) return cli.exit_code;
  try {
    return serve(*cli.config);
  } catch (const std::exception& e) {
    std::cerr << "parleyd: " << e.what() << '\n';
    return 1;
  }
}
