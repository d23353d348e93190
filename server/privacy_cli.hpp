// The owner's privacy commands (parleyd --help lists them; docs/privacy.md explains them):
//   parleyd privacy purge-ips [--ip-hash-days N]
// Each also takes the store flags (--config, --db, --store, --pg).
#pragma once

#include <span>
#include <string_view>

namespace parley::server {

// Runs `privacy …` (args without argv[0], starting at "privacy"); returns the exit code.
int run_privacy_command(std::span<const std::string_view> args);

}  // namespace parley::server
