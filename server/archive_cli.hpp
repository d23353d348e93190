// The commands that work on a site's data instead of serving it (parleyd --help lists
// them; docs/import-export.md explains them):
//   parleyd import --site ID --format wxr|disqus|isso|json FILE
//   parleyd export --site ID [--out FILE]
//   parleyd thread move --site ID --from PAGE --to PAGE
//   parleyd thread merge --site ID --from PAGE --into PAGE
// Each also takes the store flags (--config, --db, --store, --pg).
#pragma once

#include <span>
#include <string_view>

namespace parley::server {

bool is_archive_command(std::string_view first_arg);
// Runs the command in args (argv without argv[0]); returns the exit code.
int run_archive_command(std::span<const std::string_view> args);

}  // namespace parley::server
