// Every sentence the widget shows a reader, looked up in the active catalog
// (core/i18n.hpp, i18n/*.json): these functions only name the keys and assemble.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/field_messages.hpp"
#include "core/i18n.hpp"
#include "core/limits.hpp"
#include "core/result.hpp"

namespace parley::widget::messages {

inline std::string t(std::string_view key) {
  return i18n::active().text(key);
}

inline std::string thread_unreachable() {
  return t("status.thread_unreachable");
}
inline std::string thread_failed() {
  return t("status.thread_failed");
}
inline std::string posting() {
  return t("status.posting");
}
inline std::string posted() {
  return t("status.posted");
}
// The comment is stored but held for a moderator (POST 202).
inline std::string held() {
  return t("status.held");
}
inline std::string posted_unseen() {
  return t("status.posted_unseen");
}
inline std::string post_unreachable() {
  return t("status.post_unreachable");
}
inline std::string post_failed() {
  return t("status.post_failed");
}
inline std::string kept() {
  return t("status.kept");
}
inline std::string fix_fields() {
  return t("status.fix_fields");
}
inline std::string internal() {
  return t("status.internal");
}

// "You are commenting too quickly. Try again in 30 seconds."
inline std::string too_quickly(std::int64_t retry_after_seconds) {
  if (retry_after_seconds <= 0) return t("status.too_quickly_moment");
  return i18n::active().count("status.too_quickly",
                              static_cast<std::uint64_t>(retry_after_seconds));
}

// "<what>: <server's sentence>" or "<what> (error 503)."
inline std::string failed(std::string_view what, std::string_view server_message, int status) {
  if (server_message.empty()) {
    return i18n::active().text("status.failed_code",
                               {{"what", what}, {"status", std::to_string(status)}});
  }
  std::string m =
      i18n::active().text("status.failed_with", {{"what", what}, {"reason", server_message}});
  if (m.back() != '.') m += '.';
  return m;
}

// A validation error (core's or the server's) in the reader's language.
inline std::string field_error(const FieldError& err) {
  return i18n::field_error(err);
}

}  // namespace parley::widget::messages
