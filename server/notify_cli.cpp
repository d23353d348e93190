#include "notify_cli.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "auth/crypto.hpp"
#include "cli.hpp"
#include "core/limits.hpp"
#include "core/utf8.hpp"
#include "core/validate.hpp"
#include "notify/notifier.hpp"
#include "util/unix_time.hpp"

namespace parley::server {
namespace {

constexpr int kFailed = 1;
constexpr int kUsageError = 2;

constexpr std::string_view kHelp =
    R"(Usage: parleyd notify announce --site ID --page PAGE --title TITLE [store flags]

  announce    mail the site's confirmed subscribers to new posts about the page
              (subject: New post on SITE: "TITLE"; the link is the site's first
              origin + PAGE). Each page is announced once: a second announce is
              refused. The mails wait in the outbox; the running parleyd sends them.

Store flags: --config FILE (its "notify" section must configure mail),
--store sqlite|postgres, --db FILE, --pg CONNINFO; --origin ORIGIN after --site
when the config file does not list the site's origins.
See docs/notifications.md.
)";

struct Usage : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// --page and --title are the command's own; the rest is the server's command line.
struct AnnounceCommand {
  std::map<std::string, std::string, std::less<>> own;
  std::vector<std::string_view> rest;
};

AnnounceCommand announce_command(std::span<const std::string_view> args) {
  AnnounceCommand c;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i + 1 >= args.size()) throw Usage(std::string(args[i]) + " needs a value");
    if (args[i] == "--page" || args[i] == "--title") {
      c.own[std::string(args[i])] = args[i + 1];
    } else {
      c.rest.push_back(args[i]);
      c.rest.push_back(args[i + 1]);
    }
    ++i;
  }
  const std::string& page = c.own["--page"];
  if (!is_valid_page_key(page)) throw Usage("--page needs the page's path, like /2024/05/post/");
  const std::string& title = c.own["--title"];
  if (title.empty()) throw Usage("--title is required");
  if (title.size() > parley::limits::kMaxTitleChars || !utf8::valid(title)) {
    throw Usage("--title must be UTF-8 text of at most " +
                std::to_string(parley::limits::kMaxTitleChars) + " bytes");
  }
  if (std::find(c.rest.begin(), c.rest.end(), "--site") == c.rest.end()) {
    throw Usage("--site is required");
  }
  return c;
}

// The address links in mail start with, as the server works it out (main.cpp).
std::string public_url(const Config& c) {
  std::string url = !c.public_url.empty() ? c.public_url
                    : !c.login.public_url.empty()
                        ? c.login.public_url
                        : "http://" + c.listen + ':' + std::to_string(c.port);
  if (url.ends_with('/')) url.pop_back();
  return url;
}

int announce(std::span<const std::string_view> args) {
  AnnounceCommand c = announce_command(args);
  const CliOutcome cli = parse_command_line(c.rest);
  if (!cli.config) return cli.exit_code;
  const Config& config = *cli.config;
  if (!config.notify.mail_enabled()) {
    throw Usage("mail is not configured: give --config a file with notify.smtp");
  }
  // The last --site given: the one the command is about.
  const auto site_flag = std::find(c.rest.rbegin(), c.rest.rend(), "--site");
  const std::string site(*(site_flag - 1));
  const Sites sites(config.sites);
  const std::unique_ptr<notify::OutboxStore> outbox =
      config.store == "postgres" ? notify::open_pg_outbox_store(config.postgres)
                                 : notify::open_sqlite_outbox_store(config.db);
  // No sender: the running parleyd's sender finds the rows when it next looks.
  notify::Notifier notifier(*outbox, nullptr, config.notify, sites, auth::random_token(32));
  notifier.set_public_url(public_url(config));
  const auto mailed = notifier.announce(site, c.own["--page"], c.own["--title"], unix_now());
  if (!mailed) {
    std::cerr << "parleyd notify: " << c.own["--page"] << " on " << site
              << " was announced before; nothing was sent\n";
    return kFailed;
  }
  std::cout << "announced " << c.own["--page"] << " to " << *mailed << " subscribers\n";
  return 0;
}

}  // namespace

int run_notify_command(std::span<const std::string_view> args) {
  const std::string_view sub = args.size() > 1 ? args[1] : "";
  if (sub == "--help" || sub == "-h") {
    std::cout << kHelp;
    return 0;
  }
  try {
    if (sub == "announce") return announce(args.subspan(2));
  } catch (const Usage& e) {
    std::cerr << "parleyd notify: " << e.what() << "\nTry parleyd notify --help.\n";
    return kUsageError;
  } catch (const std::exception& e) {
    std::cerr << "parleyd notify: " << e.what() << '\n';
    return kFailed;
  }
  std::cerr << "parleyd notify: unknown command \"" << sub << "\"\n" << kHelp;
  return kUsageError;
}

}  // namespace parley::server
