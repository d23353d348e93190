// The share bar's icons: SVG path data on a 24x24 grid, inlined into the page so that
// showing a button never fetches anything. Generated into share_icons.cpp by
// scripts/gen-share-icons.mjs from the simple-icons package; brands it lacks get a
// neutral glyph.
#pragma once

#include <string_view>

#include "share.hpp"

namespace parley::share {

std::string_view icon_path(Target t);

}  // namespace parley::share
