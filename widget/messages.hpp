// Every sentence the widget shows a reader, in one place (wording review, and later
// translation, happen here).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::widget::messages {

inline constexpr std::string_view kThreadUnreachable =
    "Could not reach the comment server, so comments could not be loaded. You can "
    "still leave a reply.";
inline constexpr std::string_view kThreadFailed = "Comments could not be loaded";
inline constexpr std::string_view kPosting = "Posting your comment\u2026";
inline constexpr std::string_view kPosted = "Your comment was posted.";
inline constexpr std::string_view kPostedUnseen =
    "Your comment was posted. Reload the page to see it.";
inline constexpr std::string_view kPostUnreachable =
    "Could not reach the comment server. Your comment is kept; try again.";
inline constexpr std::string_view kPostFailed = "Your comment could not be posted";
inline constexpr std::string_view kKept = "Your comment is kept; try again.";
inline constexpr std::string_view kFixFields = "Please correct the marked fields.";
inline constexpr std::string_view kInternal =
    "Parley: something went wrong in the comment widget. Reload the page to try again.";

// "You are commenting too quickly. Try again in 30 seconds."
inline std::string too_quickly(std::int64_t retry_after_seconds) {
  std::string m = "You are commenting too quickly. Try again in ";
  if (retry_after_seconds <= 0) return m + "a moment.";
  m += retry_after_seconds == 1 ? "1 second" : std::to_string(retry_after_seconds) + " seconds";
  return m + ".";
}

// "<what>: <server's sentence>" or "<what> (error 503)." and, for a post, the reassurance
// that the text is kept.
inline std::string failed(std::string_view what, std::string_view server_message, int status) {
  std::string m(what);
  if (!server_message.empty()) {
    m += ": ";
    m += server_message;
    if (m.back() != '.') m += '.';
  } else {
    m += " (error " + std::to_string(status) + ").";
  }
  return m;
}

}  // namespace parley::widget::messages
