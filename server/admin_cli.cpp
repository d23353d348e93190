#include "admin_cli.hpp"

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "admin/admin_service.hpp"
#include "admin/password_hash.hpp"
#include "cli.hpp"

namespace parley::server {
namespace {

constexpr int kFailed = 1;
constexpr int kUsageError = 2;

constexpr std::string_view kHelp =
    R"(Usage: parleyd admin create --email EMAIL [--role owner|moderator] [--site ID]...

Creates an account of the admin UI at /admin (docs/admin.md). The password is read
from standard input: typed twice at a prompt that does not echo it, or one line from a
pipe (printf '%s\n' "$PASSWORD" | parleyd admin create ...). It is never an argument,
because arguments are visible to every user of the machine (ps, /proc).

Options:
  --email EMAIL      the login (case-insensitive)
  --role ROLE        owner (default): manages their sites and their moderators;
                     moderator: works the moderation queue of their sites
  --site ID          a site this account may see (repeatable); an owner without
                     --site sees every site the server serves
  --config FILE, --store, --db FILE, --pg CONNINFO: the store, as for parleyd --help
)";

struct TerminalEchoOff {
  TerminalEchoOff() {
    if (tcgetattr(STDIN_FILENO, &saved) != 0) return;
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~TerminalEchoOff() {
    if (active) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  }
  TerminalEchoOff(const TerminalEchoOff&) = delete;
  TerminalEchoOff& operator=(const TerminalEchoOff&) = delete;
  termios saved{};
  bool active = false;
};

std::optional<std::string> read_line() {
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::optional<std::string> read_password() {
  if (!isatty(STDIN_FILENO)) return read_line();
  std::optional<std::string> first;
  std::optional<std::string> second;
  {
    const TerminalEchoOff quiet;
    std::cerr << "Password: " << std::flush;
    first = read_line();
    std::cerr << "\nPassword again: " << std::flush;
    second = read_line();
    std::cerr << '\n';
  }
  if (!first || !second) return std::nullopt;
  if (*first != *second) {
    std::cerr << "parleyd admin: the passwords differ\n";
    return std::nullopt;
  }
  return first;
}

int create(std::span<const std::string_view> args) {
  admin::NewAccount account{"", "", std::string(admin::kOwner), {}};
  std::vector<std::string_view> store_args;
  bool has_config = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view flag = args[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << kHelp;
      return 0;
    }
    if (i + 1 >= args.size()) {
      std::cerr << "parleyd admin: " << flag << " needs a value\n";
      return kUsageError;
    }
    const std::string_view value = args[++i];
    if (flag == "--email") {
      account.email = value;
    } else if (flag == "--role") {
      account.role = value;
    } else if (flag == "--site") {
      account.sites.emplace_back(value);
    } else if (flag == "--config" || flag == "--db" || flag == "--store" || flag == "--pg") {
      has_config = has_config || flag == "--config";
      store_args.push_back(flag);
      store_args.push_back(value);
    } else {
      std::cerr << "parleyd admin: unknown option " << flag << "\nTry parleyd admin --help.\n";
      return kUsageError;
    }
  }
  if (account.email.empty()) {
    std::cerr << "parleyd admin: --email is required\nTry parleyd admin --help.\n";
    return kUsageError;
  }
  // The config's store settings; a placeholder site satisfies its "at least one site".
  store_args.push_back("--site");
  store_args.push_back("admin-cli");
  const CliOutcome outcome = parse_command_line(store_args);
  if (!outcome.config) return outcome.exit_code;
  const Config& config = *outcome.config;
  for (const std::string& site : account.sites) {
    const bool served = std::any_of(config.sites.begin(), config.sites.end(),
                                    [&](const Site& s) { return s.id == site; });
    // Without a config file the server's sites are not known here; with one, a typo
    // in --site would make an account that sees nothing.
    if (!served && has_config) {
      std::cerr << "parleyd admin: the config serves no site " << site << '\n';
      return kUsageError;
    }
  }
  const std::optional<std::string> password = read_password();
  if (!password) {
    std::cerr << "parleyd admin: no password given on standard input\n";
    return kFailed;
  }
  account.password = *password;
  if (config.store != "postgres") {
    if (const auto dir = std::filesystem::path(config.db).parent_path(); !dir.empty()) {
      std::filesystem::create_directories(dir);
    }
  }
  const std::unique_ptr<admin::AdminStore> store = config.store == "postgres"
                                                       ? admin::open_pg_admin_store(config.postgres)
                                                       : admin::open_sqlite_admin_store(config.db);
  admin::AdminService service(*store, 0);
  const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  const std::string email = admin::normalize_email(account.email);
  const std::string role = account.role;
  const auto created = service.create(std::move(account), now);
  if (const auto* problem = std::get_if<admin::AccountProblem>(&created)) {
    std::cerr << "parleyd admin: " << problem->message << '\n';
    return kFailed;
  }
  std::cout << "Created " << role << ' ' << email << '\n';
  return 0;
}

}  // namespace

int run_admin_command(std::span<const std::string_view> args) {
  if (!args.empty() && args.front() == "create") {
    try {
      return create(args.subspan(1));
    } catch (const std::exception& e) {
      std::cerr << "parleyd admin: " << e.what() << '\n';
      return kFailed;
    }
  }
  std::cout << kHelp;
  return args.empty() || args.front() == "--help" ? 0 : kUsageError;
}

}  // namespace parley::server
