// Command-line flags (parleyd --help lists them), applied over the config file.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "config.hpp"

namespace parley::server {

struct CliOutcome {
  std::optional<Config> config;  // empty when parleyd should exit (help, version, error)
  int exit_code = 0;
};

// Parses argv (without argv[0]). Prints help, version and errors itself.
CliOutcome parse_command_line(std::span<const std::string_view> args);

}  // namespace parley::server
