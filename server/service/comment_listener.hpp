// What happens after a comment is stored, beyond answering the poster: notifications
// (server/notify/) listen here, so the post path knows nothing of mail or webhooks.
#pragma once

#include <cstdint>

#include "store/store.hpp"

namespace parley::server {

// A comment just stored: the row as written (email, status, title), the comment with
// its id, the comment the reader pressed Reply on (0 for top level; the stored parent
// differs where replies at the depth cap become siblings) and whether the author
// asked for mail about replies and about the site's new posts.
struct PostedComment {
  const NewComment& row;
  const Comment& stored;
  std::int64_t replied_to = 0;
  bool notify_replies = false;
  bool notify_posts = false;
};

class CommentListener {
 public:
  virtual ~CommentListener() = default;
  // Called on the request's thread after the comment is stored. Must be quick (write
  // rows, never talk to the network) and must not throw: the post has succeeded.
  virtual void posted(const PostedComment& posted) noexcept = 0;
  // Whether a reader who asks (`notify_replies`) gets mail about replies: the forms offer
  // the checkbox only then.
  virtual bool mails_replies() const noexcept { return false; }
};

}  // namespace parley::server
