#include "cli.hpp"

#include <charconv>
#include <iostream>
#include <string>

#include "core/proof_of_work.hpp"

namespace parley::server {
namespace {

constexpr int kUsageError = 2;  // the sysexits/getopt convention for bad usage

constexpr std::string_view kHelp = R"(Usage: parleyd [options]
       parleyd COMMAND [options]

Serves the Parley comment API and the widget's static files.

Commands:
  admin create --email EMAIL [--role owner|moderator] [--site ID]...
                             create an account of the admin UI at /admin; the
                             password is read from standard input, never an argument
                             (parleyd admin --help)
  export-html                writes a page's thread as HTML for static site
                             generators (parleyd export-html --help)
Data commands (docs/import-export.md; each takes --config, --db, --store and --pg too):
  import --site ID --format wxr|disqus|isso|json FILE
                             import comments from a WordPress export (WXR), a Disqus
                             export, an Isso database or a Parley JSON export; running
                             it again adds nothing
  export --site ID [--out FILE]
                             write the site's threads and comments as JSON
  thread move --site ID --from PAGE --to PAGE
                             give a thread a new page key (the page's URL changed)
  thread merge --site ID --from PAGE --into PAGE
                             move a thread's comments into another page's thread
  privacy purge-ips [--ip-hash-days N]
                             blank the IP digests older than the retention now
                             (docs/privacy.md)
  privacy export --site ID --email EMAIL [--out FILE]
                             a reader's comments (posted with EMAIL) as JSON
  privacy delete --site ID --email EMAIL
                             erase them (a reader asked by mail; docs/privacy.md)
  notify announce --site ID --page PAGE --title TITLE
                             mail the site's subscribers to new posts about the page,
                             once per page (parleyd notify --help; docs/notifications.md)

Options (flags override the config file):
  --config FILE              JSON config file (see docs/configuration.md)
  --listen ADDRESS           address to bind (default 127.0.0.1)
  --port N                   port to bind; 0 picks a free one (default 8080)
  --store sqlite|postgres    where comments are kept (default sqlite)
  --db FILE                  SQLite database, created if missing (default data/parley.db)
  --pg CONNINFO              PostgreSQL connection string (postgresql://user@host/db)
  --assets DIR               widget files: parley.js, parley.css, parley-widget.{js,wasm}
                             (default build/dist)
  --site ID                  serve site ID (repeatable)
  --origin ORIGIN            allow ORIGIN (https://host[:port]) to embed the last --site
  --posts-per-minute N       comment posts per client IP (default 5; 0 = unlimited)
  --requests-per-minute N    requests per client IP (default 600; 0 = unlimited)
  --likes-per-minute N       likes and unlikes per client IP (default 30; 0 = unlimited)
  --likes-require-login      guests may not like pages of the last --site
  --moderation MODE          hold comments of the last --site for moderation: none
                             (default), first (each new author's first comment), all
  --share-clicks-per-minute N  share clicks counted per client IP (default 20; 0 = unlimited)
  --identity-posts-per-minute N  comment posts per author: login or email (default 5;
                             0 = unlimited)
  --min-form-seconds N       a comment is refused when sent sooner after the plain form
                             was shown, or after the widget's proof-of-work challenge
                             (default 3; 0 = off; docs/spam.md)
  --duplicate-hours N        the same text by the same author within N hours is refused
                             (default 24; 0 = off)
  --pow-bits N               the widget's proof of work before each post: N leading
                             zero bits of SHA-256, about 2^N hashes (default 12; 0 = off)
  --pow-max-bits N           the most it rises to for an address posting a lot: one bit
                             more per post in the last hour (default 20)
  --pow-challenge-seconds N  how long a proof-of-work challenge may be solved and
                             used (default 3600)
  --nodeinfo-per-minute N    fediverse server lookups per client IP (default 10; 0 = unlimited)
  --nodeinfo-test-insecure   tests only: NodeInfo lookups over http to private addresses
  --edit-window-seconds N    how long readers may edit or delete their own comment
                             (default 900; 0 = never)
  --ip-hash-days N           blank the salted IP digests of comments and likes after
                             N days (default 30; 0 = at the next hourly purge;
                             docs/privacy.md)
  --ip-hash-seconds N        tests only: the same in seconds, purging that often
  --log-requests             log one line per request to stderr
  --admin-logins-per-minute N  admin login attempts per client IP and per account
                             (default 5; 0 = unlimited)
  --demo                     demo/test mode: login without a configured secret, and
                             the admin cookie without Secure (plain-http loopback)
  --help                     show this help
  --version                  show the version
)";

struct Usage : std::runtime_error {
  using std::runtime_error::runtime_error;
};

int parse_int(std::string_view flag, std::string_view text, int min, int max) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
    throw Usage(std::string(flag) + " needs a number from " + std::to_string(min) + " to " +
                std::to_string(max));
  }
  return value;
}

Site& site_named(Config& c, std::string_view id) {
  for (Site& s : c.sites) {
    if (s.id == id) return s;
  }
  return c.sites.emplace_back(Site{std::string(id), std::string(id), {}});
}

void apply_flags(std::span<const std::string_view> args, Config& c) {
  Site* current = nullptr;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view flag = args[i];
    const auto value = [&]() -> std::string_view {
      if (i + 1 >= args.size()) throw Usage(std::string(flag) + " needs a value");
      return args[++i];
    };
    if (flag == "--config") {
      value();  // already loaded
    } else if (flag == "--listen") {
      c.listen = value();
    } else if (flag == "--port") {
      c.port = static_cast<std::uint16_t>(parse_int(flag, value(), 0, 65535));
    } else if (flag == "--store") {
      c.store = value();
    } else if (flag == "--db") {
      c.db = value();
    } else if (flag == "--pg") {
      c.postgres = value();
    } else if (flag == "--assets") {
      c.assets = value();
    } else if (flag == "--site") {
      current = &site_named(c, value());
    } else if (flag == "--origin") {
      if (!current) throw Usage("--origin must follow the --site it belongs to");
      current->origins.emplace_back(value());
    } else if (flag == "--posts-per-minute") {
      c.rate_limit.posts_per_minute = parse_int(flag, value(), 0, 1000000);
    } else if (flag == "--requests-per-minute") {
      c.rate_limit.requests_per_minute = parse_int(flag, value(), 0, 1000000);
    } else if (flag == "--likes-per-minute") {
      c.rate_limit.likes_per_minute = parse_int(flag, value(), 0, 1000000);
    } else if (flag == "--share-clicks-per-minute") {
      c.rate_limit.share_clicks_per_minute = parse_int(flag, value(), 0, 1000000);
    } else if (flag == "--identity-posts-per-minute") {
      c.spam.identity_posts_per_minute = parse_int(flag, value(), 0, 1000000);
    } else if (flag == "--min-form-seconds") {
      c.spam.min_form_seconds = parse_int(flag, value(), 0, 3600);
    } else if (flag == "--duplicate-hours") {
      c.spam.duplicate_hours = parse_int(flag, value(), 0, 24 * 365);
    } else if (flag == "--pow-bits") {
      c.spam.pow.bits = parse_int(flag, value(), 0, parley::pow::kMaxBits);
    } else if (flag == "--pow-max-bits") {
      c.spam.pow.max_bits = parse_int(flag, value(), 0, parley::pow::kMaxBits);
    } else if (flag == "--pow-challenge-seconds") {
      c.spam.pow.challenge_seconds = parse_int(flag, value(), 1, spam::kMaxChallengeSeconds);
    } else if (flag == "--nodeinfo-per-minute") {
      c.rate_limit.nodeinfo_per_minute = parse_int(flag, value(), 0, 1000000);
    } else if (flag == "--admin-logins-per-minute") {
      c.rate_limit.admin_logins_per_minute = parse_int(flag, value(), 0, 1000000);
    } else if (flag == "--nodeinfo-test-insecure") {
      c.nodeinfo_test_insecure = true;
    } else if (flag == "--moderation") {
      if (!current) throw Usage("--moderation must follow the --site it belongs to");
      current->moderation = value();
    } else if (flag == "--likes-require-login") {
      if (!current) throw Usage("--likes-require-login must follow the --site it belongs to");
      current->likes_require_login = true;
    } else if (flag == "--edit-window-seconds") {
      c.edit_window_seconds = parse_int(flag, value(), 0, limits::kMaxEditWindowSeconds);
    } else if (flag == "--ip-hash-days") {
      c.privacy.ip_hash_seconds =
          parse_int(flag, value(), 0, privacy::kMaxIpHashDays) * privacy::kSecondsPerDay;
    } else if (flag == "--ip-hash-seconds") {
      c.privacy.ip_hash_seconds = parse_int(flag, value(), 0, 1000000000);
    } else if (flag == "--log-requests") {
      c.log_requests = true;
    } else if (flag == "--demo") {
      c.demo = true;
    } else {
      throw Usage("unknown option " + std::string(flag));
    }
  }
}

}  // namespace

CliOutcome parse_command_line(std::span<const std::string_view> args) {
  for (const std::string_view arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::cout << kHelp;
      return {};
    }
    if (arg == "--version") {
      std::cout << "parleyd " << kVersion << '\n';
      return {};
    }
  }
  try {
    Config config;
    // The file first, wherever --config appears, so every flag overrides it.
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
      if (args[i] == "--config") config = load_config_file(std::string(args[i + 1]), config);
    }
    apply_flags(args, config);
    check_config(config);
    return {std::move(config), 0};
  } catch (const Usage& e) {
    std::cerr << "parleyd: " << e.what() << "\nTry parleyd --help.\n";
  } catch (const ConfigError& e) {
    std::cerr << "parleyd: " << e.what() << '\n';
  }
  return {std::nullopt, kUsageError};
}

}  // namespace parley::server
