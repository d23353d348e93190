// The share bar in the widget: rendering it on start, the actions the host performs
// for it (copy, native share, print), the reader's fediverse server (asked once,
// checked with core, its software looked up through parleyd's /api/nodeinfo, kept in
// localStorage), and the owner's click counts (a beacon to parleyd per click).
#pragma once

#include <string_view>

#include "events.hpp"
#include "output.hpp"
#include "state.hpp"

namespace parley::widget {

// The localStorage key of the reader's fediverse server: {host, software}.
inline constexpr std::string_view kServerKey = "parley:fediverse";

// Reads the share settings of `start` into the state and returns the bar.
SafeHtml start_share(State& s, const StartEvent& e);
// Actions whose name starts with "spread-"; false when `action` is not one.
bool on_share_action(State& s, std::string_view action, Output& out);
void on_server_submit(State& s, const SubmitEvent& e, Output& out);
void on_nodeinfo_response(State& s, const ResponseEvent& e, Output& out);
void on_copied(State& s, const CopiedEvent& e, Output& out);
// A share link was clicked (the browser follows it): count it.
void on_spread_click(State& s, const SpreadEvent& e, Output& out);

}  // namespace parley::widget
