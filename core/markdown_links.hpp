// Link syntax and link safety for the Markdown renderer.
//
// Everything that decides whether a piece of text becomes an <a> lives here: the
// inline link tail "(dest "title")", <autolinks>, bare www./http(s):// URLs, and the
// one href check every link passes through. The check runs on the exact string
// written into the attribute (after unescaping and percent-encoding), so what it
// approves is what the browser's URL parser will see.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace parley::markdown::detail {

struct LinkTail {
  std::size_t length = 0;        // bytes from '(' through ')', 0 when there is no link tail
  std::string_view destination;  // raw: escapes and entities not yet resolved
  std::string_view title;        // raw, without its quotes
};

// `s` starts at the '(' after "]". Scanned bytes are added to `ops`; raw
// destinations nest parentheses at most kMaxLinkParenDepth deep, which also bounds
// the rescanning a run of unclosed "](" can cause.
LinkTail parse_link_tail(std::string_view s, std::size_t& ops);

// Appends the href for a Markdown destination (escapes and entities resolved,
// unsafe bytes percent-encoded). Returns false, leaving `out` as it was, when the
// destination names a scheme other than http, https or mailto.
bool append_href(std::string& out, std::string_view destination);

// True for a relative reference or an http(s)/mailto URL. `href` must already be
// percent-encoded (no whitespace or control bytes left).
bool is_safe_href(std::string_view href);

enum class AutolinkKind { kNone, kUrl, kEmail, kWww };

struct Autolink {
  AutolinkKind kind = AutolinkKind::kNone;
  std::size_t length = 0;   // bytes of source the link covers
  std::string_view target;  // the URL or address as written
};

// "<https://x>" or "<a@b.c>" at `s` (which starts at '<'). Autolinks with any other
// scheme are not links at all, so "<javascript:...>" stays visible text.
Autolink match_angle_autolink(std::string_view s, std::size_t& ops);

// A bare "https://...", "http://..." or "www...." at `s`, with GFM's rules for
// trailing punctuation. The caller checks the character before `s`.
Autolink match_bare_autolink(std::string_view s, std::size_t& ops);

}  // namespace parley::markdown::detail
