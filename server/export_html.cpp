#include "export_html.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "core/validate.hpp"
#include "service/comment_service.hpp"
#include "service/like_service.hpp"
#include "service/mount_parts.hpp"
#include "service/thread_html.hpp"
#include "store/open_store.hpp"

namespace parley::server {
namespace {

constexpr int kFailed = 1;
constexpr int kUsageError = 2;

constexpr std::string_view kHelp = R"(Usage: parleyd export-html --site ID --page KEY [options]

Writes the thread of one page as HTML: the comments, a plain form that posts without
JavaScript, and the data the widget takes over when JavaScript runs. A static site
generator runs it at build time and puts the output into the page (docs/seo-nojs.md).

Options:
  --site ID          the site, as configured
  --page KEY         the thread's page key (the page's path, e.g. /2011/07/raids/)
  --title TEXT       the page title, for the heading ("2 Responses to “TEXT”")
  --lang TAG         language of the text (default en)
  --base URL         parleyd's public address, where the form posts
                     (default: "public_url" of the config, else http://LISTEN:PORT)
  --return PATH      where readers return after posting (default: the page key)
  --parts LIST       the mount's data-parley-parts ("" = every part): the share bar
                     (a stand-in), the Like block and each comment's heart around the
                     comments in that order, for the widget to adopt without moving them
  --share LIST       with --parts: the mount's data-parley-share (the bar's targets)
  --share-style S    with --parts: the mount's data-parley-share-style
  --mount N          with --parts: the mount's number on the page (default 1), for
                     its ids ("parley-2-…" for the second)
  --out FILE         write to FILE (default: standard output)
  --in-place FILE    replace what is between <!-- parley-thread --> and
                     <!-- /parley-thread --> in FILE (the markers stay)
  --config FILE, --store, --db FILE, --pg CONNINFO: the store, as for parleyd --help
)";

constexpr std::string_view kOpenMarker = "<!-- parley-thread -->";
constexpr std::string_view kCloseMarker = "<!-- /parley-thread -->";

struct ExportOptions {
  ThreadHtml thread;
  std::optional<std::string> parts;  // given: the rendering holds the mount's parts
  std::string share;
  std::string share_style;
  std::optional<std::string> mount;  // default 1
  std::string out;
  std::string in_place;
  std::vector<std::string_view> parleyd_args;  // for parse_command_line
};

std::optional<ExportOptions> parse(std::span<const std::string_view> args) {
  ExportOptions o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view flag = args[i];
    if (i + 1 >= args.size()) {
      std::cerr << "parleyd export-html: " << flag << " needs a value\n";
      return std::nullopt;
    }
    const std::string value(args[++i]);
    if (flag == "--page") {
      o.thread.page = value;
    } else if (flag == "--title") {
      o.thread.title = value;
    } else if (flag == "--lang") {
      o.thread.lang = value;
    } else if (flag == "--base") {
      o.thread.base = value;
    } else if (flag == "--return") {
      o.thread.return_path = value;
    } else if (flag == "--parts") {
      o.parts = value;
    } else if (flag == "--share") {
      o.share = value;
    } else if (flag == "--share-style") {
      o.share_style = value;
    } else if (flag == "--mount") {
      o.mount = value;
    } else if (flag == "--out") {
      o.out = value;
    } else if (flag == "--in-place") {
      o.in_place = value;
    } else if (flag == "--site" || flag == "--config" || flag == "--store" || flag == "--db" ||
               flag == "--pg") {
      if (flag == "--site") o.thread.site = value;
      o.parleyd_args.push_back(flag);
      o.parleyd_args.push_back(args[i]);
    } else {
      std::cerr << "parleyd export-html: unknown option " << flag << '\n';
      return std::nullopt;
    }
  }
  if (o.thread.site.empty() || !is_valid_page_key(o.thread.page)) {
    std::cerr << "parleyd export-html: --site and a valid --page are required\n";
    return std::nullopt;
  }
  if (o.parts) {
    const std::optional<std::string> prefix = mount_id_prefix(o.mount.value_or("1"));
    if (!prefix) {
      std::cerr << "parleyd export-html: --mount is the mount's number on the page, 1 to "
                << kMaxMounts << '\n';
      return std::nullopt;
    }
    add_mount_parts(
        o.thread,
        {.parts = *o.parts, .share = o.share, .share_style = o.share_style, .id_prefix = *prefix});
  } else if (!o.share.empty() || !o.share_style.empty() || o.mount) {
    std::cerr << "parleyd export-html: --share, --share-style and --mount go with --parts\n";
    return std::nullopt;
  }
  if (!o.out.empty() && !o.in_place.empty()) {
    std::cerr << "parleyd export-html: --out and --in-place exclude each other\n";
    return std::nullopt;
  }
  return o;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

// Writes beside the target and renames over it, so a page is never half written.
bool write_file(const std::string& path, std::string_view text) {
  const std::string tmp = path + ".parley-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!(out << text)) return false;
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  return !ec;
}

int write_in_place(const std::string& path, std::string_view html) {
  std::optional<std::string> page = read_file(path);
  if (!page) {
    std::cerr << "parleyd export-html: " << path << " cannot be read\n";
    return kFailed;
  }
  const std::size_t open = page->find(kOpenMarker);
  const std::size_t close =
      open == std::string::npos ? std::string::npos : page->find(kCloseMarker, open);
  if (close == std::string::npos) {
    std::cerr << "parleyd export-html: " << path << " has no " << kOpenMarker << " … "
              << kCloseMarker << '\n';
    return kFailed;
  }
  const std::size_t from = open + kOpenMarker.size();
  page->replace(from, close - from, std::string(html));
  if (!write_file(path, *page)) {
    std::cerr << "parleyd export-html: " << path << " cannot be written\n";
    return kFailed;
  }
  return 0;
}

}  // namespace

int export_html(std::span<const std::string_view> args) {
  for (const std::string_view arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::cout << kHelp;
      return 0;
    }
  }
  std::optional<ExportOptions> o = parse(args);
  if (!o) {
    std::cerr << "Try parleyd export-html --help.\n";
    return kUsageError;
  }
  const CliOutcome cli = parse_command_line(o->parleyd_args);
  if (!cli.config) return cli.exit_code;
  const Config& config = *cli.config;
  if (o->thread.base.empty()) {
    o->thread.base = !config.public_url.empty()
                         ? config.public_url
                         : "http://" + config.listen + ':' + std::to_string(config.port);
  }
  if (o->thread.base.ends_with('/')) o->thread.base.pop_back();
  try {
    const std::unique_ptr<Store> store = open_store(config.store, config.db, config.postgres);
    RateLimiter unused_limiter(0, 1);  // export-html only reads
    CommentService comments(*store, unused_limiter);
    const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    if (o->thread.hearts) {
      // Counts as of the build; the widget redraws them from its likes answer.
      LikeDigest digest;
      LikeService likes(*store, unused_limiter, digest);
      add_page_likes(o->thread, likes.page(o->thread.site, o->thread.page, Liker{}));
    }
    const std::string html = thread_fragment(comments, std::move(o->thread), now) + "\n";
    if (!o->in_place.empty()) return write_in_place(o->in_place, html);
    if (o->out.empty()) {
      std::cout << html;
      return std::cout ? 0 : kFailed;
    }
    if (!write_file(o->out, html)) {
      std::cerr << "parleyd export-html: " << o->out << " cannot be written\n";
      return kFailed;
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "parleyd export-html: " << e.what() << '\n';
    return kFailed;
  }
}

}  // namespace parley::server
