// parleyd admin …: accounts of the admin UI from the command line (docs/admin.md).
#pragma once

#include <span>
#include <string_view>

namespace parley::server {

// args: everything after "admin". Returns the process exit code.
int run_admin_command(std::span<const std::string_view> args);

}  // namespace parley::server
