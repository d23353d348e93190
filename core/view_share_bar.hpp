// The share bar: the owner's targets in the owner's order, as plain links (opened in a
// new window, nothing fetched before the click) and buttons for what the host does
// (copy link, native share, print) or what needs the reader's own server (fediverse).
//
//   <section class="parley-spread parley-spread--icons" id="parley-spread"
//            data-parley-key="spread" lang dir aria-labelledby="parley-spread-title">
//     <h2 class="parley-spread-title" id="parley-spread-title">Share this:</h2>
//     <ul class="parley-spread-list" data-parley-key="spread-list">
//       <li class="parley-spread-item"><a class="parley-spread-link parley-spread-x"
//           href="https://x.com/intent/tweet?…" target="_blank" rel="noopener noreferrer"
//           aria-label="Share on X (opens in a new window)" data-parley-spread="x"
//           data-parley-key="spread-x"><svg …><path d="…"></path></svg>
//           <span class="parley-spread-label">X</span></a></li>
//       <li …><button type="button" class="parley-spread-link parley-spread-copy"
//           data-parley-action="spread-copy" data-parley-key="spread-copy">…</button></li>
//     </ul>
//     <div class="parley-spread-server" data-parley-key="spread-server"></div>
//     <p class="parley-spread-status" role="status" data-parley-key="spread-status"></p>
//   </section>
//
// Class names avoid "share", "social" and "sharing": ad-block cosmetic lists hide
// elements by such names (share-buttons, social-share, sharedaddy…).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "safe_html.hpp"
#include "share.hpp"
#include "share_options.hpp"
#include "view_keys.hpp"

namespace parley::view {

struct ShareBarInput {
  std::vector<share::Target> targets;  // the owner's, in order
  share::Style style = share::Style::Icons;
  share::Page page;
  bool can_native = false;  // the host has navigator.share
  bool touch = false;       // the host's primary pointer is coarse (SMS makes sense)
  std::string server;       // the reader's fediverse server, normalised; "" = not chosen
  std::string software;     // its NodeInfo software name ("" = not known: Mastodon's URL)
  std::string id_prefix = std::string(keys::kFirstIdPrefix);
  // parleyd's early stand-in (docs/seo-nojs.md), unseen until the widget replaces it:
  // its icons keep their boxes but not their drawings, most of the bar's bytes.
  bool stand_in = false;
  // The reader's device is not known (an include's stand-in): Share… and SMS are in it
  // all the same, marked parley-spread-coarse, which parley.css shows only where the
  // pointer is coarse, as on the phones that have both.
  bool any_device = false;
};

// The whole bar (the section above).
SafeHtml share_bar(const ShareBarInput& in);
// Content of the `spread-list` region: one <li> per target that applies here.
SafeHtml share_items(const ShareBarInput& in);

// Content of `spread-server`: the form asking for the reader's server, with `value`
// prefilled and `error` (already a sentence) shown next to the field.
struct ServerPrompt {
  share::Target target = share::Target::Mastodon;  // the button that asked
  std::string value;
  std::string error;
  std::string id_prefix = std::string(keys::kFirstIdPrefix);
};
SafeHtml server_prompt(const ServerPrompt& in);

// Region key of a target's link/button: "spread-x", "spread-copy".
std::string spread_key(share::Target t);

}  // namespace parley::view
