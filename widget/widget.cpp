#include "widget.hpp"

#include <exception>
#include <variant>

#include "core/view_keys.hpp"
#include "data_flow.hpp"
#include "events.hpp"
#include "handlers.hpp"
#include "likes_flow.hpp"
#include "live_flow.hpp"
#include "login_flow.hpp"
#include "messages.hpp"
#include "output.hpp"
#include "own_flow.hpp"
#include "pow_flow.hpp"
#include "share_flow.hpp"

namespace parley::widget {

namespace {

// Routes one parsed event to its transition.
struct Dispatch {
  State& s;
  Output& out;

  void operator()(const StartEvent& e) const { on_start(s, e, out); }
  void operator()(const ResponseEvent& e) const {
    if (e.request == 0) return;
    if (e.request == s.thread_request) return on_thread_response(s, e, out);
    if (e.request == s.post_request) return on_post_response(s, e, out);
    if (e.request == s.pow.request) return on_challenge_response(s, e, out);
    if (e.request == s.share.nodeinfo_request) return on_nodeinfo_response(s, e, out);
    if (on_own_response(s, e, out)) return;
    if (on_login_response(s, e, out)) return;
    if (on_likes_response(s, e, out)) return;
    if (on_data_response(s, e, out)) return;
    // Otherwise a response nobody waits for (a duplicate): ignored.
  }
  void operator()(const FieldEvent& e) const {
    if (e.field == "instance") return on_instance_field(s, e);
    if (e.field == "edit") return on_edit_field(s, e, out);
    on_field(s, e, out);
  }
  void operator()(const ActionEvent& e) const {
    if (on_share_action(s, e.action, out)) return;
    if (on_login_action(s, e, out)) return;
    if (on_own_action(s, e, out)) return;
    if (on_data_action(s, e, out)) return;
    if (e.action == "reply") return on_reply(s, e.id, out);
    if (e.action == "cancel") {
      // The Cancel button leaves with the reply title: keep the keyboard with the
      // form, at the text the reader was writing (kept as it was).
      move_form_home(s, out);
      return out.focus(view::keys::field("text"));
    }
    if (e.action == "preview") return on_preview(s, true, out);
    if (e.action == "write") return on_preview(s, false, out);
    if (e.action == "show-new") return on_show_new(s, out);
    if (e.action == "like") return on_like(s, e.id, out);
  }
  void operator()(const SubmitEvent& e) const {
    if (e.form == "server") return on_server_submit(s, e, out);
    on_submit(s, e, out);
  }
  void operator()(const TickEvent& e) const { on_tick(s, e, out); }
  void operator()(const LiveEvent& e) const { on_live(s, e, out); }
  void operator()(const CopiedEvent& e) const { on_copied(s, e, out); }
  void operator()(const SpreadEvent& e) const { on_spread_click(s, e, out); }
  void operator()(const ResumeEvent&) const { on_resume(s, out); }
  void operator()(const LoginEvent& e) const { on_login_event(s, e, out); }
  void operator()(const WorkedEvent& e) const { on_worked(s, e, out); }
};

std::string status_only(std::string_view message) {
  Output out;
  out.status(message);
  return out.serialize();
}

}  // namespace

Widget::Widget() {
  // One module serves all widgets of a page, and WASM runs them on one thread.
  static int instances = 0;
  if (++instances > 1) state_.id_prefix = view::keys::id_prefix(instances);
}

namespace {

// Past this many, a further event shows the rest of the thread at once rather than wait.
constexpr std::size_t kMaxDeferred = 64;

bool still_showing(const State& s) {
  return s.shown_roots < s.loaded_roots;
}

bool can_wait(const Event& e) {
  return std::holds_alternative<ResponseEvent>(e) || std::holds_alternative<LiveEvent>(e) ||
         std::holds_alternative<TickEvent>(e);
}

}  // namespace

void Widget::run(const Event& event, Output& out) {
  std::visit(Dispatch{state_, out}, event);
}

void Widget::catch_up(Output& out) {
  std::vector<Event> events = std::move(deferred_);
  deferred_.clear();
  for (const Event& e : events) run(e, out);
}

std::string Widget::handle(std::string_view event_json, std::string payload) {
  ParsedEvent parsed = parse_event(event_json, std::move(payload));
  if (!parsed.event) return status_only("Parley: ignored an invalid event (" + parsed.error + ").");
  // Events are processed as a unit: on a failure the partial output is dropped, so the
  // host never applies half a transition.
  try {
    const i18n::Use language(state_.catalog);
    Output out;
    Event& event = *parsed.event;
    const bool resume = std::holds_alternative<ResumeEvent>(event);
    if (!resume && still_showing(state_) && can_wait(event) && deferred_.size() < kMaxDeferred) {
      deferred_.push_back(std::move(event));
      return out.serialize();
    }
    // Every other transition assumes the whole thread is on the page: finish showing it
    // first, and let what waited for it run before.
    if (!resume) {
      show_rest(state_, out);
      catch_up(out);
    }
    run(event, out);
    if (resume && !still_showing(state_)) catch_up(out);
    return out.serialize();
  } catch (const std::exception&) {
    deferred_.clear();
    return status_only(messages::internal());
  }
}

}  // namespace parley::widget
