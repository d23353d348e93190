// The moderation queue of one site (GET /admin/queue) and the edit form of one comment
// (GET /admin/comment), rendered like every admin page (admin_pages.hpp): escaped by
// construction, no inline script or style. Actions are buttons of one POST form, so a
// moderator can act on one comment or, after ticking several, on all of them at once.
#pragma once

#include <string>
#include <vector>

#include "admin/admin_pages.hpp"
#include "store/moderation_store.hpp"

namespace parley::server::admin {

// The statuses the queue filters by (a comment's status, docs/admin.md).
inline constexpr std::string_view kQueueStatuses[] = {"pending", "approved", "spam", "deleted"};

struct QueueView {
  const AdminSession& who;
  std::string site;
  std::string mode;           // the site's moderation mode now
  bool may_set_mode = false;  // owners only
  QueueQuery query;           // the filters shown (and kept by every action)
  std::vector<QueueItem> items;
  std::vector<Ban> bans;
  std::vector<std::string> closed_pages;  // pages of the listed comments that are closed
  std::string notice;                     // what the last action did
  // Owners of a parleyd that sends mail may announce a thread to the site's
  // subscribers to new posts (docs/notifications.md).
  bool may_announce = false;
};
SafeHtml queue_page(const QueueView& view);

// The query string of the queue with these filters ("site=…&status=…").
std::string queue_query_string(const QueueQuery& q);

struct EditView {
  const AdminSession& who;
  QueueItem item;
  std::string text;  // what the textarea holds (the stored text, or the refused edit)
  FormMessage message;
  QueueQuery back;  // the queue to return to
};
SafeHtml edit_page(const EditView& view);

}  // namespace parley::server::admin
