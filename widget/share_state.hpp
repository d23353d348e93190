// What the widget remembers about the share bar: the owner's settings and page
// metadata from `start`, the reader's fediverse server, and the server prompt.
#pragma once

#include <string>

#include "core/share.hpp"
#include "core/view_share_bar.hpp"

namespace parley::widget {

struct ShareState {
  bool shown = false;        // the mount has the share part
  view::ShareBarInput bar;   // targets, style, page metadata, host abilities, server
  bool count_clicks = true;  // beacon each click to parleyd (owner may turn it off)
  share::Target asking = share::Target::Mastodon;  // the button whose prompt is open
  std::string pending_server;                      // typed and valid, its software being looked up
  int nodeinfo_request = 0;
  // Alternates a trailing no-break space so that saying "Link copied" twice is a
  // change the live region announces again.
  bool status_toggle = false;
};

}  // namespace parley::widget
