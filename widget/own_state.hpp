// What the widget remembers of the reader's own comments (docs/widget-protocol.md,
// "Own comments"): the edit token the server gave for each, until when it is good, and
// the Markdown the reader wrote (the API sends readers only the rendering).
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace parley::widget {

struct OwnComment {
  std::string token;
  std::int64_t until = 0;  // Unix seconds: editable_until
  std::string text;
};

struct OwnState {
  std::map<std::int64_t, OwnComment> mine;  // this site's, by comment id; kept in localStorage
  std::int64_t editing = 0;                 // the comment whose editor is open; 0 = none
  std::string edit_text;
  int edit_request = 0;     // the PUT in flight
  std::int64_t saving = 0;  // the comment of edit_request
  int delete_request = 0;
  std::int64_t deleting = 0;  // the comment of delete_request
};

}  // namespace parley::widget
