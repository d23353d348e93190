// Everything the widget remembers between events. The DOM holds no state the widget
// relies on: what the reader typed arrives with each input/submit event.
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "core/i18n.hpp"
#include "core/thread.hpp"
#include "core/view_keys.hpp"
#include "data_state.hpp"
#include "likes_state.hpp"
#include "live_state.hpp"
#include "login_state.hpp"
#include "own_state.hpp"
#include "pow_state.hpp"
#include "share_state.hpp"

namespace parley::widget {

struct FormState {
  std::string text;
  std::string author;
  std::string email;
  std::string website;
  bool save = false;
  bool notify_replies = false;  // "Notify me of follow-up comments by email"
  bool notify_posts = false;    // "Notify me of new posts by email"
};

struct State {
  // Prefix of the element ids this widget renders, unique per page (see Widget()).
  std::string id_prefix = std::string(view::keys::kFirstIdPrefix);
  bool started = false;
  std::string site;
  std::string page;
  std::string title;
  std::int64_t now = 0;   // Unix seconds, from the host's clock (start and tick)
  i18n::Catalog catalog;  // the reader's language, chosen on start; active in handle()

  Thread thread;
  // A long thread is shown in slices, one per task (thread_flow.cpp), so no task of
  // the page's main thread is long: of the loaded thread's top-level comments (with
  // their replies), how many are shown so far. Comments added later (posts, live
  // updates) come after them and are shown by their own transitions.
  std::size_t loaded_roots = 0;
  std::size_t shown_roots = 0;
  // The thread's code ran once, on a sample, while its request was in flight
  // (thread_flow.cpp, warm_up).
  bool warmed = false;
  // A `yield` effect is out and its `resume` has not come: the next slice waits for that
  // one rather than asking for another. (A thread answering before start's warm-up
  // resume would otherwise start a second chain of resumes beside the first.)
  bool resume_due = false;

  FormState form;
  std::int64_t replying_to = 0;        // comment whose reply slot holds the form; 0 = at home
  bool closed = false;                 // a moderator closed the thread: no form, no replies
  bool preview = false;                // the preview pane is shown
  std::set<std::string> errors_shown;  // fields whose error region has a message

  // Requests in flight, by the id their fetch effect carried; 0 = none. At most one of
  // each kind: the thread loads once, and the submit button is disabled while posting.
  int next_request = 1;
  int thread_request = 0;
  int post_request = 0;

  LiveState live;
  ShareState share;
  LoginState login;
  LikesState likes;
  OwnState own;
  PowState pow;
  DataState data;
};

}  // namespace parley::widget
