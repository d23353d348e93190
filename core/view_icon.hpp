// A brand or action mark as inline SVG: one path on a 24x24 grid, decorative (the button
// or link around it carries the accessible name), coloured by CSS (fill: currentColor).
// Used by the share bar and the login provider row.
#pragma once

#include <string_view>

#include "html.hpp"

namespace parley::view {

inline void icon_svg(HtmlBuilder& b, std::string_view css_class, std::string_view path) {
  b.open("svg", {{"class", css_class},
                 {"viewbox", "0 0 24 24"},
                 {"aria-hidden", "true"},
                 {"focusable", "false"}});
  b.open("path", {{"d", path}}).close("path");
  b.close("svg");
}

}  // namespace parley::view
