// The owner's notification commands (parleyd --help lists them; docs/notifications.md
// explains them):
//   parleyd notify announce --site ID --page PAGE --title TITLE
// Each also takes the store flags (--config, --db, --store, --pg).
#pragma once

#include <span>
#include <string_view>

namespace parley::server {

// Runs `notify …` (args without argv[0], starting at "notify"); returns the exit code.
int run_notify_command(std::span<const std::string_view> args);

}  // namespace parley::server
