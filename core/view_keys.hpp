// Region keys (data-parley-key) and element ids shared by the views and the widget.
//
// The keys are the contract with the JS host (docs/widget-protocol.md): the widget
// patches regions by key, so views and patches must spell them the same way. Ids
// carry the parley- prefix because they live in the host page's id namespace.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::view::keys {

inline constexpr std::string_view kRoot = "root";
inline constexpr std::string_view kCount = "count";
inline constexpr std::string_view kThread = "thread";
inline constexpr std::string_view kLive = "live";  // the "new comments" bar (view_live.hpp)
inline constexpr std::string_view kFormHome = "form-home";
inline constexpr std::string_view kForm = "form";
inline constexpr std::string_view kFormTitle = "form-title";
inline constexpr std::string_view kPreview = "preview";
inline constexpr std::string_view kStatus = "status";
inline constexpr std::string_view kSubmit = "submit";
inline constexpr std::string_view kTabWrite = "tab-write";
inline constexpr std::string_view kTabPreview = "tab-preview";
// Login (view_login.hpp): the provider row / logged-in line above the form, the form
// element itself (hidden while a login is required), and the guest-only parts.
inline constexpr std::string_view kLogin = "login";
inline constexpr std::string_view kFormBody = "form-body";
inline constexpr std::string_view kNotes = "notes";
inline constexpr std::string_view kGuest = "guest";
inline constexpr std::string_view kNotify = "notify";  // the follow-up mail checkbox's row
inline constexpr std::string_view kNotifyPosts = "notify-posts";  // the new-posts one's
// The control the keyboard goes to after a login step (a provider, Cancel, Log Out).
inline constexpr std::string_view kLoginFocus = "login-focus";
inline constexpr std::string_view kLikes = "likes";    // the page's Like block (view_likes.hpp)
inline constexpr std::string_view kSpread = "spread";  // the share bar (view_share_bar.hpp)
inline constexpr std::string_view kLikers = "likers";  // its recent likers' avatars
// "Your data" (view_data.hpp): the foot's entry and link, the panel and the body the
// widget redraws, the control the keyboard goes to in it, its message line, and the
// login line's own link.
inline constexpr std::string_view kDataEntry = "data-entry";
inline constexpr std::string_view kDataLink = "data-link";
inline constexpr std::string_view kData = "data";
inline constexpr std::string_view kDataBody = "data-body";
inline constexpr std::string_view kDataFocus = "data-focus";
inline constexpr std::string_view kDataMessage = "data-message";
inline constexpr std::string_view kDataLinkLogin = "data-link-login";

inline std::string with_id(std::string_view prefix, std::int64_t id) {
  std::string key(prefix);
  key += std::to_string(id);
  return key;
}
inline std::string with_name(std::string_view prefix, std::string_view name) {
  std::string key(prefix);
  key += name;
  return key;
}

inline std::string children(std::int64_t id) {
  return with_id("children-", id);
}
inline std::string reply_slot(std::int64_t id) {
  return with_id("reply-slot-", id);
}
inline std::string date(std::int64_t id) {
  return with_id("date-", id);
}
// Like buttons, their counts and messages; id 0 is the page itself.
inline std::string like(std::int64_t id) {
  return with_id("like-", id);
}
inline std::string like_count(std::int64_t id) {
  return with_id("like-count-", id);
}
inline std::string like_message(std::int64_t id) {
  return with_id("like-message-", id);
}
// Form fields: text, author, email, website, save.
inline std::string field(std::string_view name) {
  return with_name("field-", name);
}
inline std::string error(std::string_view name) {
  return with_name("error-", name);
}
// The "*" after the label of a field the site's guest mode may make optional (author,
// email): hidden while it is.
inline std::string required_mark(std::string_view name) {
  return with_name("required-", name);
}

// A reader's own comment (view_own.hpp): the article, its body, the region of its
// Edit/Delete buttons, and the editor's textarea and preview (one editor at a time).
inline std::string article(std::int64_t id) {
  return with_id("article-", id);
}
inline std::string body(std::int64_t id) {
  return with_id("body-", id);
}
inline std::string own(std::int64_t id) {
  return with_id("own-", id);
}
inline constexpr std::string_view kEditField = "edit-field";
inline constexpr std::string_view kEditPreview = "edit-preview";
inline constexpr std::string_view kEditMessage = "edit-message";

// Element ids (unique per page).
inline std::string comment_id(std::int64_t id) {
  return with_id("parley-comment-", id);
}
// Form and section ids take the section's id prefix ("parley-", or "parley-2-" for a
// second section on the same page) so labels and descriptions find their own fields.
inline constexpr std::string_view kFirstIdPrefix = "parley-";
// The prefix of the page's mount number `mount` (from 1): "parley-", "parley-2-", …
inline std::string id_prefix(std::int64_t mount) {
  return mount == 1 ? std::string(kFirstIdPrefix)
                    : std::string(kFirstIdPrefix) + std::to_string(mount) + "-";
}
inline std::string field_id(std::string_view id_prefix, std::string_view name) {
  return with_name(id_prefix, with_name("field-", name));
}
inline std::string error_id(std::string_view id_prefix, std::string_view name) {
  return with_name(id_prefix, with_name("error-", name));
}

}  // namespace parley::view::keys
