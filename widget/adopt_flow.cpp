// Taking over a thread parleyd rendered into the mount (docs/seo-nojs.md): the comments
// already on the page stay as they are, and are not downloaded again.
#include <algorithm>
#include <cstdlib>
#include <vector>

#include "api.hpp"
#include "core/embed_parts.hpp"
#include "core/json_object.hpp"
#include "core/view_keys.hpp"
#include "handlers.hpp"

namespace parley::widget {

namespace {

// An include renders the thread with the page, seconds before the widget starts. Data
// older than this (a cached page, a static build) may lack comments posted since, so
// the widget fetches the thread once; newer ones arrive through live updates anyway.
constexpr std::int64_t kPrerenderedFreshSeconds = 120;

}  // namespace

bool adopt_prerendered(State& s, const StartEvent& e, const view::FormValues& values,
                       const std::vector<Part>& parts, std::vector<Part>& held, Output& out) {
  // Owner overrides change words the server rendered without them.
  if (e.prerendered.empty() || !e.strings.empty()) return false;
  JsonObject data;
  if (!data.parse(e.prerendered) || data.str("site") != s.site || data.str("page") != s.page ||
      data.str("lang") != s.catalog.lang()) {
    return false;
  }
  // Rendered for another mount number (an include made with another --mount, or scripts
  // reordered since): its section and form ids are another widget's. A host that does not
  // say the number (the tests) takes what it finds, as before numbers.
  const std::string rendered_for =
      data.contains("id_prefix") ? data.str("id_prefix") : std::string(view::keys::kFirstIdPrefix);
  if (e.mount != 0 && rendered_for != s.id_prefix) {
    return false;
  }
  // The early rendering holds the mount's parts in its order (the loader asked with its
  // data-parley-parts); an include, only the comments. Anything else (the attribute
  // changed since) would leave parts or hearts the mount does not show: render afresh.
  held = data.contains("parts") ? parse_parts(data.str("parts")) : std::vector{Part::Comments};
  if (data.contains("parts") && held != parts) return false;
  const bool hearts = data.flag("hearts");
  if (hearts && std::find(parts.begin(), parts.end(), Part::Likes) == parts.end()) return false;
  const std::optional<std::int64_t> rendered = data.integer("rendered_at");
  std::vector<Comment> flat;
  api::ThreadFlags flags;
  if (!rendered || !api::read_thread(e.prerendered, flat, &flags)) return false;
  const std::int64_t rendered_at = *rendered;
  // The data leaves out each comment's HTML (the section holds it): the widget renders
  // a comment already on the page again only when it is the reader's own, from its text.
  s.thread = build_thread(std::move(flat));
  // With hearts (the loader's early rendering, docs/seo-nojs.md) the comments' likes are
  // drawn as the likes answer comes; without, the adopted comments go without.
  s.likes.hearts = hearts;
  // Live updates resume from the last event the rendering had seen, so that nothing
  // posted between the rendering and the widget's start goes missing (parleyd replays it).
  s.live.last_event_id = data.str("last_event_id");

  // The plain form (no preview, posting itself) gives way to the widget's.
  out.html(view::keys::kFormHome, view::respond_section(values));
  show_flags(s, flags, out);
  refresh_dates(s, rendered_at, out);  // worded when rendered
  if (std::llabs(s.now - rendered_at) > kPrerenderedFreshSeconds) {
    s.thread_request = s.next_request++;
    out.fetch(s.thread_request, "GET", api::thread_path(s.site, s.page));
  }
  return true;
}

}  // namespace parley::widget
