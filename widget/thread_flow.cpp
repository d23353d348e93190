// Loading the thread, keeping its dates fresh, and placing the form under a comment.
#include <algorithm>
#include <utility>
#include <vector>

#include "api.hpp"
#include "core/dates.hpp"
#include "core/embed_parts.hpp"
#include "core/html.hpp"
#include "core/view_comment.hpp"
#include "core/view_form.hpp"
#include "core/view_keys.hpp"
#include "core/view_section.hpp"
#include "core/view_thread.hpp"
#include "data_flow.hpp"
#include "handlers.hpp"
#include "likes_flow.hpp"
#include "live_flow.hpp"
#include "login_flow.hpp"
#include "messages.hpp"
#include "own_flow.hpp"
#include "share_flow.hpp"

namespace parley::widget {

namespace keys = view::keys;

namespace {

SafeHtml text_html(std::string_view text) {
  HtmlBuilder b;
  b.text(text);
  return std::move(b).finish();
}

// Comments per slice of a long thread: rendering, parsing and laying out this many
// keeps each task of the page's main thread well under 50 ms of CPU (host-isolation.test.mjs:
// 100 comments in one task took 14-27 ms of CPU, comments past the sixth skipping layout
// off screen). 100 rather than 50: a thread of up to 100 comments, most threads, shows in
// one task, without a frame (style, layout and paint of the first half) between two halves:
// response to DOM 75 -> 53 ms in Chromium at the same load (bench/RESULTS.md, Client render).
constexpr std::size_t kCommentsPerSlice = 100;

// Mounts on one page, as numbered by the loader: far more than any page has.
constexpr std::int64_t kMaxMounts = 999;

// One chain of `resume`s at a time: each shows one slice (or warms up) and asks again.
void ask_resume(State& s, Output& out) {
  if (s.resume_due) return;
  s.resume_due = true;
  out.yield();
}

// Appends the next slice (or, first, replaces the placeholder with it); asks the host
// to end the task before the following one, so input and paint can run between them.
void show_slice(State& s, Output& out, std::size_t end) {
  const SafeHtml items = view::thread_items(s.thread, s.now, s.shown_roots, end, comment_likes(s));
  if (s.shown_roots == 0)
    out.html(keys::kThread, items);
  else
    out.append(keys::kThread, items);
  s.shown_roots = end;
  if (s.shown_roots < s.loaded_roots) return ask_resume(s, out);
  show_own(s, out);
  show_data_foot(s, out);
}

// A thread of two comments, one a reply, with the Markdown elements comments use most.
constexpr std::string_view kSampleThread = R"({"comments":[
{"id":1,"parent":0,"depth":0,"author":"A","website":"https://example.org/","created":1,
 "html":"<p>A <strong>b</strong> <em>c</em> <a href=\"https://example.org/\" rel=\"nofollow ugc\">d</a> <code>e</code></p>\n<ul>\n<li>f</li>\n</ul>\n<blockquote>\n<p>g &amp; h</p>\n</blockquote>\n","verified":false},
{"id":2,"parent":1,"depth":1,"author":"B","website":"","created":2,"html":"<p>i</p>\n","verified":true,
 "provider":"github","provider_name":"GitHub","avatar":""}],
"closed":false,"notify":false})";

// One part of the mount as it first shows; the comments section starts empty and
// loading.
SafeHtml render_part(State& s, const StartEvent& e, Part part, const view::FormValues& values) {
  switch (part) {
    case Part::Share:
      return start_share(s, e);
    case Part::Likes:
      return start_likes(s, e);
    case Part::Comments:
      return view::comments_section({s.title, nullptr, s.now, values});
  }
  return SafeHtml();
}

}  // namespace

void on_start(State& s, const StartEvent& e, Output& out) {
  // A second start (a host bug) would orphan the first request; keep the first.
  if (s.started) return;
  s.started = true;
  s.site = e.site;
  s.page = e.page;
  s.title = e.title;
  s.now = e.now;
  s.pow.off = !e.pow;  // a host without the solver never gets a `work` effect
  // The loader numbers the page's mounts in document order, so the first one's ids
  // are the plain "parley-…" that parleyd's early rendering in it has, whichever
  // widget starts first; without a number the order the widgets were made counts.
  if (e.mount >= 1 && e.mount <= kMaxMounts) {
    s.id_prefix = view::keys::id_prefix(e.mount);
  }
  // The language is fixed for the widget's life: switching mid-conversation would
  // re-render text the reader is working with.
  s.catalog = e.catalog.empty() ? i18n::Catalog::for_language(e.lang)
                                : i18n::Catalog::from_wire(e.lang, e.catalog);
  load_own(s, e.edits);
  expire_own(s, out);  // forgets, in localStorage too, what expired since
  if (!e.strings.empty()) s.catalog.override_with(e.strings);
  view::FormValues values;
  values.id_prefix = s.id_prefix;
  values.honeypot = view::kHoneypotField;
  if (e.saved) {
    s.form.author = e.saved->author;
    s.form.email = e.saved->email;
    s.form.website = e.saved->website;
    s.form.save = true;
    values.author = e.saved->author;
    values.email = e.saved->email;
    values.website = e.saved->website;
    values.save = true;
  }
  // The parts the owner embeds, in page order; each fetches only what it shows.
  const std::vector<Part> parts = parse_parts(e.parts);
  const bool comments = std::find(parts.begin(), parts.end(), Part::Comments) != parts.end();
  // The thread parleyd rendered into the mount stays as it is (adopt_flow.cpp); the
  // other parts go around it, in page order.
  std::vector<Part> held;
  if (comments && adopt_prerendered(s, e, values, parts, held, out)) {
    const auto at = std::find(parts.begin(), parts.end(), Part::Comments);
    HtmlBuilder before;
    HtmlBuilder after;
    for (auto it = parts.begin(); it != parts.end(); ++it) {
      if (it == at) continue;
      const SafeHtml part = render_part(s, e, *it, values);
      if (std::find(held.begin(), held.end(), *it) == held.end()) {
        (it < at ? before : after).html(part);
      } else if (*it == Part::Share) {
        // parleyd's bar is a same-size stand-in (no page URL, no native share): ours
        // takes its place, so nothing below it moves.
        out.replace(keys::kSpread, part);
      }
      // A held Like block is parleyd's with the page's counts: kept, and redrawn when
      // the likes answer comes (load_likes below).
    }
    after.html(start_data(s, e));
    const SafeHtml first = std::move(before).finish();
    const SafeHtml last = std::move(after).finish();
    if (!first.empty()) out.prepend(keys::kRoot, first);
    if (!last.empty()) out.append(keys::kRoot, last);
    show_own(s, out);
    start_listening(s, out);
    start_login(s, e, out);
    return load_likes(s, out);
  }
  HtmlBuilder root;
  for (const Part part : parts) root.html(render_part(s, e, part, values));
  // "Your data" goes with what a reader leaves here: comments and likes.
  if (comments || s.likes.shown) root.html(start_data(s, e, comments));
  out.html(keys::kRoot, std::move(root).finish());
  if (comments) {
    s.thread_request = s.next_request++;
    out.fetch(s.thread_request, "GET", api::thread_path(s.site, s.page));
    start_listening(s, out);
    start_login(s, e, out);
  } else if (s.likes.shown) {
    resume_session(s, e, out);
  }
  load_likes(s, out);
  if (comments) ask_resume(s, out);  // the next task warms the thread's code up (on_resume)
}

void on_thread_response(State& s, const ResponseEvent& e, Output& out) {
  s.thread_request = 0;
  std::vector<Comment> flat;
  api::ThreadFlags flags;
  if (e.status == 200 && api::read_thread(e.body, flat, &flags)) {
    // The thread region is about to be replaced, reply slots included: the form must
    // not be inside one.
    if (s.replying_to != 0) move_form_home(s, out);
    s.thread = build_thread(std::move(flat));
    s.likes.hearts = true;  // every comment is rendered afresh, an adopted thread's too
    s.loaded_roots = s.thread.roots.size();
    s.shown_roots = 0;
    out.html(keys::kCount, text_html(view::responses_heading(s.thread.responses(), s.title)));
    show_flags(s, flags, out);
    show_slice(s, out, slice_end(s.thread, 0, s.loaded_roots, kCommentsPerSlice));
    refresh_live_bar(s, out);
    return;
  }
  out.html(keys::kThread, SafeHtml());
  show_data_foot(s, out);
  if (e.status == 0) {
    out.status(messages::thread_unreachable());
  } else {
    const api::Error err = api::read_error(e.body);
    out.status(messages::failed(messages::thread_failed(), err.message, e.status));
  }
}

std::size_t warm_up(const State& s) {
  std::vector<Comment> flat;
  api::ThreadFlags flags;
  if (!api::read_thread(kSampleThread, flat, &flags)) return 0;
  const Thread sample = build_thread(std::move(flat));
  Output scratch;
  scratch.html(keys::kCount, text_html(view::responses_heading(sample.responses(), s.title)));
  scratch.html(keys::kThread,
               view::thread_items(sample, s.now, 0, sample.roots.size(), comment_likes(s)));
  return scratch.serialize().size();
}

void on_resume(State& s, Output& out) {
  s.resume_due = false;
  if (s.thread_request != 0 && !s.warmed) {
    s.warmed = true;
    warm_up(s);
    return;
  }
  if (s.shown_roots < s.loaded_roots)
    show_slice(s, out, slice_end(s.thread, s.shown_roots, s.loaded_roots, kCommentsPerSlice));
}

void show_rest(State& s, Output& out) {
  if (s.shown_roots < s.loaded_roots) show_slice(s, out, s.loaded_roots);
}

void on_tick(State& s, const TickEvent& e, Output& out) {
  if (e.now <= 0) return;
  const std::int64_t before = s.now;
  s.now = e.now;
  refresh_dates(s, before, out);
  expire_own(s, out);
}

void show_flags(State& s, const api::ThreadFlags& flags, Output& out) {
  if (flags.closed) show_closed(s, out);
  if (!flags.notify) return;
  out.attr(keys::kNotify, "hidden", std::nullopt);
  out.attr(keys::kNotifyPosts, "hidden", std::nullopt);
}

void show_closed(State& s, Output& out) {
  if (s.closed) return;
  s.closed = true;
  // The form is hidden, not removed: the login flow still patches regions inside it.
  out.attr(keys::kForm, "hidden", "");
  out.prepend(keys::kFormHome, view::closed_notice());
  out.attr(keys::kThread, "data-parley-closed", "");  // parley.css hides Reply
}

void refresh_dates(const State& s, std::int64_t before, Output& out) {
  // Only dates whose wording changed are patched: a minute's tick touches a handful
  // of recent comments, not the whole thread.
  for (const Comment& c : s.thread.comments) {
    std::string text = relative_time(s.now, c.created);
    if (text != relative_time(before, c.created)) out.html(keys::date(c.id), text_html(text));
  }
}

void on_reply(State& s, std::int64_t id, Output& out) {
  const std::size_t i = s.thread.find(id);
  if (i == s.thread.size() || s.closed) return;  // a stale button; nothing to reply to
  if (s.replying_to != id) {
    s.replying_to = id;
    out.html(keys::kFormTitle,
             view::form_title_reply(view::shown_author(s.thread.comments[i].author)));
    out.move(keys::kForm, keys::reply_slot(id));
  }
  out.focus(keys::field("text"));
}

void move_form_home(State& s, Output& out) {
  if (s.replying_to == 0) return;
  s.replying_to = 0;
  out.html(keys::kFormTitle, view::form_title());
  out.move(keys::kForm, keys::kFormHome);
}

}  // namespace parley::widget
