#include "archive_cli.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "archive/disqus_reader.hpp"
#include "archive/importer.hpp"
#include "archive/isso_reader.hpp"
#include "archive/json_archive.hpp"
#include "archive/wxr_reader.hpp"
#include "cli.hpp"
#include "core/limits.hpp"
#include "core/validate.hpp"
#include "store/open_store.hpp"
#include "util/unix_time.hpp"

namespace parley::server {
namespace {

constexpr int kFailed = 1;
constexpr int kUsageError = 2;

struct Usage : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The command's own flags by name, the store flags to hand to the config loader, and
// the positional arguments.
struct Parsed {
  std::map<std::string, std::string, std::less<>> flags;
  std::vector<std::string_view> store_args;
  std::vector<std::string> positional;

  const std::string& need(std::string_view flag) const {
    const auto it = flags.find(flag);
    if (it == flags.end() || it->second.empty()) throw Usage(std::string(flag) + " is required");
    return it->second;
  }
  std::string get(std::string_view flag) const {
    const auto it = flags.find(flag);
    return it == flags.end() ? "" : it->second;
  }
};

Parsed parse(std::span<const std::string_view> args,
             std::initializer_list<std::string_view> own_flags) {
  Parsed p;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    const bool own = std::find(own_flags.begin(), own_flags.end(), a) != own_flags.end();
    const bool store = a == "--config" || a == "--db" || a == "--store" || a == "--pg";
    if (!own && !store) {
      if (a.starts_with("--")) throw Usage("unknown option " + std::string(a));
      p.positional.emplace_back(a);
      continue;
    }
    if (i + 1 >= args.size()) throw Usage(std::string(a) + " needs a value");
    if (own) {
      p.flags[std::string(a)] = args[++i];
    } else {
      p.store_args.push_back(a);
      p.store_args.push_back(args[++i]);
    }
  }
  return p;
}

// The store the flags name (the same config file and flags as the server).
std::unique_ptr<Store> store_for(const Parsed& p, const std::string& site) {
  if (site.size() > parley::limits::kMaxSiteIdChars) throw Usage("--site is too long");
  std::vector<std::string_view> args = p.store_args;
  args.push_back("--site");
  args.push_back(site);
  const CliOutcome outcome = parse_command_line(args);
  if (!outcome.config) throw Usage("invalid store options");
  const Config& config = *outcome.config;
  return open_store(config.store, config.db, config.postgres);
}

int import_command(std::span<const std::string_view> args) {
  const Parsed p = parse(args, {"--site", "--format"});
  const std::string& site = p.need("--site");
  const std::string& format = p.need("--format");
  if (p.positional.size() != 1) throw Usage("import needs exactly one FILE");
  const std::string& file = p.positional.front();
  if (format != "wxr" && format != "disqus" && format != "isso" && format != "json") {
    throw Usage("--format must be wxr, disqus, isso or json");
  }
  const std::unique_ptr<Store> store = store_for(p, site);
  archive::Importer importer(*store, site, [](const std::string& message) {
    std::cerr << "parleyd import: " << message << '\n';
  });
  const archive::CommentSink sink = [&importer](archive::SourceComment c) {
    importer.add(std::move(c));
  };
  std::string error;
  if (format == "isso") {
    error = archive::read_isso(file, sink);
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << "parleyd import: cannot open " << file << '\n';
      return kFailed;
    }
    error = format == "wxr"      ? archive::read_wxr(in, sink)
            : format == "disqus" ? archive::read_disqus(in, sink)
                                 : archive::read_json_archive(in, sink);
  }
  // What was read before an error is kept: a re-run after fixing the file adds the rest.
  importer.finish();
  const archive::ImportCounts& n = importer.counts();
  std::cout << "imported " << n.imported << ", already present " << n.existing << ", skipped "
            << n.skipped << '\n';
  if (!error.empty()) {
    std::cerr << "parleyd import: " << file << ": " << error << '\n';
    return kFailed;
  }
  return 0;
}

int export_command(std::span<const std::string_view> args) {
  const Parsed p = parse(args, {"--site", "--out"});
  const std::string& site = p.need("--site");
  if (!p.positional.empty()) throw Usage("export takes no FILE (use --out FILE)");
  const std::unique_ptr<Store> store = store_for(p, site);
  const std::string out_path = p.get("--out");
  if (out_path.empty()) {
    archive::write_json_archive(*store, site, unix_now(), std::cout);
    return std::cout.flush() ? 0 : kFailed;
  }
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  if (!out) {
    std::cerr << "parleyd export: cannot write " << out_path << '\n';
    return kFailed;
  }
  archive::write_json_archive(*store, site, unix_now(), out);
  out.close();
  return out ? 0 : kFailed;
}

int thread_command(std::span<const std::string_view> args) {
  if (args.empty() || (args.front() != "move" && args.front() != "merge")) {
    throw Usage("thread needs move or merge");
  }
  const bool merge = args.front() == "merge";
  const Parsed p = parse(args.subspan(1), {"--site", "--from", "--to", "--into"});
  const std::string& site = p.need("--site");
  const std::string& from = p.need("--from");
  const std::string to = merge && !p.get("--into").empty() ? p.get("--into") : p.get("--to");
  if (to.empty()) throw Usage(merge ? "--into is required" : "--to is required");
  if (!p.positional.empty()) throw Usage("unexpected " + p.positional.front());
  for (const std::string* page : {&from, &to}) {
    if (!is_valid_page_key(*page)) throw Usage("\"" + *page + "\" is not a valid page key");
  }
  if (from == to) throw Usage("--from and the target are the same page");
  const std::unique_ptr<Store> store = store_for(p, site);
  const auto has_thread = [&store, &site](const std::string& page) {
    for (const ThreadInfo& t : store->list_threads(site)) {
      if (t.page == page) return true;
    }
    return false;
  };
  const char* name = merge ? "parleyd thread merge: " : "parleyd thread move: ";
  if (!has_thread(from)) {
    std::cerr << name << "site " << site << " has no thread on " << from << '\n';
    return kFailed;
  }
  // move renames a thread; merging two is a separate, explicit decision.
  if (!merge && has_thread(to)) {
    std::cerr << name << to << " already has a thread; use parleyd thread merge\n";
    return kFailed;
  }
  if (merge && !has_thread(to)) {
    std::cerr << name << "site " << site << " has no thread on " << to
              << "; use parleyd thread move\n";
    return kFailed;
  }
  const std::int64_t moved = store->move_thread(site, from, to);
  std::cout << (merge ? "merged " : "moved ") << moved << " comments from " << from << " to " << to
            << '\n';
  return 0;
}

}  // namespace

bool is_archive_command(std::string_view first_arg) {
  return first_arg == "import" || first_arg == "export" || first_arg == "thread";
}

int run_archive_command(std::span<const std::string_view> args) {
  const std::string_view command = args.front();
  try {
    if (command == "import") return import_command(args.subspan(1));
    if (command == "export") return export_command(args.subspan(1));
    return thread_command(args.subspan(1));
  } catch (const Usage& e) {
    std::cerr << "parleyd " << command << ": " << e.what() << "\nTry parleyd --help.\n";
    return kUsageError;
  } catch (const std::exception& e) {
    std::cerr << "parleyd " << command << ": " << e.what() << '\n';
    return kFailed;
  }
}

}  // namespace parley::server
