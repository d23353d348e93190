// `parleyd export-html`: writes a page's thread as HTML for a static site generator to
// put into the page at build time (docs/seo-nojs.md).
#pragma once

#include <span>
#include <string_view>

namespace parley::server {

// `args` follow "export-html". Returns the process exit code: 0, 1 (the store or a
// file failed), 2 (bad usage). Prints its own help and errors.
int export_html(std::span<const std::string_view> args);

}  // namespace parley::server
