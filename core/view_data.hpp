// "Your data" (docs/privacy.md): the panel where a reader downloads or deletes what the
// site holds about them — a signed-in reader their comments and likes, a guest the
// likes of this browser, with a link to parleyd's /privacy page for comments left with
// an email.
//
//   <div class="parley-data-foot">
//     <p class="parley-data-entry" data-parley-key="data-entry">
//       <button class="parley-data-link" data-parley-action="data" …>Your data</button></p>
//     <section class="parley-data" data-parley-escape="data-close"
//              aria-labelledby="…data-title" hidden>
//       <div class="parley-data-body" data-parley-key="data-body"> data_panel </div>
//       <p class="parley-data-message" role="status" data-parley-key="data-message"></p>
//       <p class="parley-data-close"><button …>Close</button></p>
//     </section>
//   </div>
//
// The entry is the quiet link at the foot of the widget (a signed-in reader also has it
// in the "You are commenting using …" line); the panel opens below it, a region of its
// own that Escape or its Close button closes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "safe_html.hpp"

namespace parley::view {

// The foot: the entry link and the (hidden) panel with its message line and Close.
SafeHtml data_foot(std::string_view id_prefix);

struct DataPanelInput {
  std::string_view id_prefix;
  bool signed_in = false;
  bool has_token = false;          // this browser liked something here (it has a like token)
  std::string_view privacy_url;    // parleyd's /privacy?site= page; "" leaves the line out
  std::string_view question = {};  // asking to confirm the delete: the question, else ""
  std::string_view message = {};   // what the last step did, or why it did not
};

// The panel's content. The first control carries data-parley-key="data-focus" (Cancel
// while asking), where the keyboard goes when the panel opens or changes.
SafeHtml data_panel(const DataPanelInput& in);

// "Delete all 2 comments and 3 likes you left on this site? This cannot be undone." (a
// guest: the likes of this browser).
std::string data_question(bool signed_in, std::size_t comments, std::size_t likes);
// "Deleted 2 comments and 3 likes." (a guest: the likes only).
std::string data_deleted(bool signed_in, std::size_t comments, std::size_t likes);

}  // namespace parley::view
