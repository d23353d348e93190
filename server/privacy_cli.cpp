#include "privacy_cli.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli.hpp"
#include "core/limits.hpp"
#include "privacy/ip_hash_purger.hpp"
#include "privacy/privacy_store.hpp"
#include "privacy/reader_data.hpp"
#include "util/unix_time.hpp"

namespace parley::server {
namespace {

constexpr int kFailed = 1;
constexpr int kUsageError = 2;

constexpr std::string_view kHelp =
    R"(Usage: parleyd privacy purge-ips [--ip-hash-days N] [store flags]
       parleyd privacy export --site ID --email EMAIL [--out FILE] [store flags]
       parleyd privacy delete --site ID --email EMAIL [store flags]

  purge-ips   blank the salted IP digests of comments and likes older than the
              retention (privacy.ip_hash_days of --config, else --ip-hash-days,
              default 30) now, instead of waiting for the server's hourly purge
  export      write the comments posted with EMAIL on the site and its reply
              subscriptions as JSON (a reader asked for their data by mail)
  delete      erase those comments (replies keep a "deleted" placeholder) and end
              the address's reply subscriptions

Store flags: --config FILE, --store sqlite|postgres, --db FILE, --pg CONNINFO.
See docs/privacy.md.
)";

struct Usage : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::unique_ptr<privacy::PrivacyStore> open_privacy_store(const Config& config) {
  return config.store == "postgres" ? privacy::open_pg_privacy_store(config.postgres)
                                    : privacy::open_sqlite_privacy_store(config.db);
}

int purge_ips(std::span<const std::string_view> flags) {
  std::vector<std::string_view> args(flags.begin(), flags.end());
  // The purge covers every site; the placeholder only satisfies the config check when
  // neither the file nor the flags name a site.
  args.insert(args.end(), {"--site", "privacy-cli"});
  const CliOutcome cli = parse_command_line(args);
  if (!cli.config) return cli.exit_code;
  const Config& config = *cli.config;
  const std::unique_ptr<privacy::PrivacyStore> store = open_privacy_store(config);
  const std::size_t n =
      privacy::purge_ip_hashes(*store, unix_now() - config.privacy.ip_hash_seconds);
  std::cout << "blanked " << n << " IP digests\n";
  return 0;
}

// export and delete: --email and --out are theirs; the rest (--site and the store
// flags) is the server's command line.
struct ReaderCommand {
  std::map<std::string, std::string, std::less<>> own;
  std::vector<std::string_view> rest;
};

ReaderCommand reader_command(std::span<const std::string_view> args) {
  ReaderCommand c;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i + 1 >= args.size()) throw Usage(std::string(args[i]) + " needs a value");
    const bool own = args[i] == "--email" || args[i] == "--out";
    if (own) {
      c.own[std::string(args[i])] = args[i + 1];
    } else {
      c.rest.push_back(args[i]);
      c.rest.push_back(args[i + 1]);
    }
    ++i;
  }
  const auto email = c.own.find("--email");
  if (email == c.own.end() || email->second.empty()) throw Usage("--email is required");
  if (email->second.size() > parley::limits::kMaxEmailChars) throw Usage("--email is too long");
  const bool site = std::find(c.rest.begin(), c.rest.end(), "--site") != c.rest.end();
  if (!site) throw Usage("--site is required");
  return c;
}

int reader_data(std::span<const std::string_view> args, bool erase) {
  const ReaderCommand c = reader_command(args);
  const CliOutcome cli = parse_command_line(c.rest);
  if (!cli.config) return cli.exit_code;
  const Config& config = *cli.config;
  // The last --site given: the one the command is about.
  const auto site_flag = std::find(c.rest.rbegin(), c.rest.rend(), "--site");
  const std::string site(*(site_flag - 1));
  const privacy::DataOwner who{"", "", c.own.at("--email")};
  const std::unique_ptr<privacy::PrivacyStore> store = open_privacy_store(config);
  if (erase) {
    const std::size_t comments = store->erase_comments_of(site, who);
    std::cout << "deleted " << comments << " comments and "
              << store->erase_subscriptions_of(site, who.email) << " reply subscriptions\n";
    return 0;
  }
  const std::string json =
      privacy::reader_data_json(
          site, {store->comments_of(site, who), {}, store->subscriptions_of(site, who.email)},
          unix_now()) +
      '\n';
  const auto out = c.own.find("--out");
  if (out == c.own.end()) {
    std::cout << json;
    return std::cout.flush() ? 0 : kFailed;
  }
  std::ofstream file(out->second, std::ios::binary | std::ios::trunc);
  file << json;
  if (!file.flush()) {
    std::cerr << "parleyd privacy: cannot write " << out->second << '\n';
    return kFailed;
  }
  return 0;
}

}  // namespace

int run_privacy_command(std::span<const std::string_view> args) {
  const std::string_view sub = args.size() > 1 ? args[1] : "";
  if (sub == "--help" || sub == "-h") {
    std::cout << kHelp;
    return 0;
  }
  try {
    if (sub == "purge-ips") return purge_ips(args.subspan(2));
    if (sub == "export" || sub == "delete") return reader_data(args.subspan(2), sub == "delete");
  } catch (const Usage& e) {
    std::cerr << "parleyd privacy: " << e.what() << "\nTry parleyd privacy --help.\n";
    return kUsageError;
  } catch (const std::exception& e) {
    std::cerr << "parleyd privacy: " << e.what() << '\n';
    return kFailed;
  }
  std::cerr << "parleyd privacy: unknown command \"" << sub << "\"\n" << kHelp;
  return kUsageError;
}

}  // namespace parley::server
