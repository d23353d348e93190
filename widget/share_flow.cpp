#include "share_flow.hpp"

#include "api.hpp"
#include "core/html.hpp"
#include "core/i18n.hpp"
#include "core/json_object.hpp"
#include "core/json_writer.hpp"
#include "core/share_options.hpp"
#include "core/view_keys.hpp"

namespace parley::widget {
namespace {

namespace keys = view::keys;
using share::Target;

constexpr std::string_view kList = "spread-list";
constexpr std::string_view kServer = "spread-server";
constexpr std::string_view kStatus = "spread-status";

std::string t(std::string_view key, std::initializer_list<i18n::Arg> args = {}) {
  return i18n::active().text(key, args);
}

SafeHtml text_html(std::string_view text) {
  HtmlBuilder b;
  b.text(text);
  return std::move(b).finish();
}

void say(State& s, std::string text, Output& out) {
  s.share.status_toggle = !s.share.status_toggle;
  if (s.share.status_toggle) text += "\u00A0";
  out.html(kStatus, text_html(text));
}

// Counts the click on parleyd (owner-side share counts); nothing goes to a network.
void count(const State& s, Target target, Output& out) {
  if (!s.share.count_clicks) return;
  out.beacon("/api/share-clicks?site=" + api::query_encode(s.site),
             JsonWriter().string("page", s.page).string("target", share::info(target).id).finish());
}

void ask_server(State& s, Target target, std::string value, std::string error, Output& out) {
  s.share.asking = target;
  out.html(kServer, view::server_prompt({target, std::move(value), std::move(error), s.id_prefix}));
  out.focus(keys::field("server"));
}

// The link the reader's server gets in the bar, for focus after it appears.
Target shown_as(const State& s) {
  return s.share.asking == Target::Mastodon ? share::fediverse_target(s.share.bar.software)
                                            : s.share.asking;
}

}  // namespace

SafeHtml start_share(State& s, const StartEvent& e) {
  ShareState& sh = s.share;
  sh.shown = true;
  sh.count_clicks = e.share.clicks;
  view::ShareBarInput& bar = sh.bar;
  bar.id_prefix = s.id_prefix;
  bar.targets = share::parse_targets(e.share.targets);
  bar.style = share::parse_style(e.share.style);
  bar.page = {e.share.url,
              e.share.title.empty() ? s.title : e.share.title,
              e.share.description,
              e.share.image,
              share::parse_via(e.share.via),
              share::parse_hashtags(e.share.hashtags)};
  bar.can_native = e.share.can_share;
  bar.touch = e.share.touch;
  // localStorage is the reader's to edit: a remembered server is checked again.
  const std::string server = share::normalize_instance(e.share.server);
  if (share::is_valid_instance(server)) {
    bar.server = server;
    bar.software = e.share.software;
  }
  return view::share_bar(bar);
}

bool on_share_action(State& s, std::string_view action, Output& out) {
  if (!s.share.shown || !action.starts_with("spread-")) return false;
  const std::string_view what = action.substr(7);
  if (what == "copy") {
    out.copy(s.share.bar.page.url);
    count(s, Target::Copy, out);
  } else if (what == "native") {
    const share::Page& p = s.share.bar.page;
    out.share(p.title, p.description, p.url);
    count(s, Target::Native, out);
  } else if (what == "print") {
    out.print();
    count(s, Target::Print, out);
  } else if (what.starts_with("server-") || what.starts_with("change-")) {
    const auto target = share::target_from_id(what.substr(7));
    if (!target || !share::info(*target).needs_instance) return true;
    std::string previous = s.share.bar.server;
    if (what.starts_with("change-")) {
      s.share.bar.server.clear();
      s.share.bar.software.clear();
      out.remove(kServerKey);
      out.html(kList, view::share_items(s.share.bar));
    }
    ask_server(s, *target, std::move(previous), "", out);
  }
  return true;
}

void on_server_submit(State& s, const SubmitEvent& e, Output& out) {
  if (!s.share.shown) return;
  const std::string server = share::normalize_instance(e.server);
  if (!share::is_valid_instance(server)) {
    return ask_server(s, s.share.asking, e.server, t("share.server_invalid"), out);
  }
  s.share.pending_server = server;
  s.share.nodeinfo_request = s.next_request++;
  out.fetch(
      s.share.nodeinfo_request, "GET",
      "/api/nodeinfo?site=" + api::query_encode(s.site) + "&host=" + api::query_encode(server));
}

void on_nodeinfo_response(State& s, const ResponseEvent& e, Output& out) {
  s.share.nodeinfo_request = 0;
  // parleyd refuses a name that is not a public server: the reader must fix it.
  if (e.status == 400) {
    return ask_server(s, s.share.asking, std::move(s.share.pending_server),
                      t("share.server_invalid"), out);
  }
  std::string software;
  if (e.status == 200) {
    JsonObject j;
    if (j.parse(e.body)) software = j.str("software");
  }
  // Without an answer (parleyd unreachable, busy, or the server's NodeInfo missing) the
  // reader still gets Mastodon's compose URL, which most fediverse servers understand,
  // and is told so: they can change the server if it is wrong.
  view::ShareBarInput& bar = s.share.bar;
  bar.server = std::move(s.share.pending_server);
  bar.software = software;
  out.save_json(kServerKey,
                JsonWriter().string("host", bar.server).string("software", bar.software).finish());
  out.html(kServer, SafeHtml());
  out.html(kList, view::share_items(bar));
  out.focus(view::spread_key(shown_as(s)));
  std::string said = t("share.ready", {{"host", bar.server}});
  if (software.empty()) said += " " + t("share.unchecked");
  say(s, said, out);
}

void on_copied(State& s, const CopiedEvent& e, Output& out) {
  if (!s.share.shown) return;
  say(s, t(e.ok ? "share.copied" : "share.copy_failed"), out);
}

void on_spread_click(State& s, const SpreadEvent& e, Output& out) {
  if (!s.share.shown) return;
  const auto target = share::target_from_id(e.target);
  if (target && share::info(*target).kind == share::Kind::Link) count(s, *target, out);
}

}  // namespace parley::widget
