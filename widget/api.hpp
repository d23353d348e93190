// The widget's side of the HTTP API (docs/api.md): request paths and reading response
// bodies. Reading is total: a body that is not what the API documents yields false or
// an empty error, never an exception.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/comment.hpp"
#include "core/guest_mode.hpp"
#include "core/result.hpp"

namespace parley::widget::api {

// The localStorage key of the commenter's saved details (the host reads it on start).
inline constexpr std::string_view kSavedKey = "parley:author";

// Percent-encodes a query-string component: everything but unreserved characters and
// "/" (page keys are paths; keeping slashes keeps logs readable).
std::string query_encode(std::string_view s);

std::string thread_path(std::string_view site, std::string_view page);  // GET
std::string post_path(std::string_view site);                           // POST
std::string challenge_path(std::string_view site);  // GET /api/challenge (docs/spam.md)
// PUT/DELETE /api/comments/<id>?site=: the reader's own comment (own_flow.cpp).
std::string comment_path(std::string_view site, std::int64_t id);
// The localStorage key of the reader's edit tokens for a site: "parley:edits:<site>".
std::string own_key(std::string_view site);

// GET /api/comments: {"comments":[...]} in the public wire form. At most
// limits::kMaxThreadComments are kept, the bound the store guarantees anyway. Read with
// JsonReader (thread_reader.cpp), comment by comment: the one large body the widget reads.
// What the thread says besides its comments: a moderator closed it ("closed": true);
// the server mails replies to readers who ask ("notify": true).
struct ThreadFlags {
  bool closed = false;
  bool notify = false;
};
bool read_thread(std::string_view body, std::vector<Comment>& out, ThreadFlags* flags = nullptr);
// POST 201: the stored comment.
bool read_comment(std::string_view body, Comment& out);
// One comment in the public wire form, as JSON text: what core's comment_from_json
// accepts (duplicate members included: the last one counts); false leaves `out`
// unspecified.
bool comment_from_wire(std::string_view value, Comment& out);

// Login (docs/login.md). Session tokens are kept per site; the Mastodon server is the
// reader's, whatever the site.
std::string login_token_key(std::string_view site);  // "parley:login:<site>"
inline constexpr std::string_view kInstanceKey = "parley:instance";
std::string login_options_path(std::string_view site);  // GET /api/login
std::string session_path(std::string_view site);        // GET /api/session (Bearer)
std::string logout_path(std::string_view site);         // POST /api/logout (Bearer)
// The popup's first page; `instance` only for Mastodon providers.
// `change`: the reader is logged in and wants another account (the provider is asked to
// show its login page again).
std::string login_start_path(std::string_view site, std::string_view provider,
                             std::string_view origin, std::string_view instance,
                             bool change = false);

struct LoginOptions {
  GuestMode guests = kDefaultGuestMode;  // an unknown name keeps the default
  struct Provider {
    std::string id, name, kind, icon;
  };
  std::vector<Provider> providers;
};
// GET /api/login: {guests, providers: [{id, name, kind, icon}]}; at most kMaxLoginProviders.
bool read_login_options(std::string_view body, LoginOptions& out);
inline constexpr std::size_t kMaxLoginProviders = 32;

struct Session {
  std::string name, avatar, provider, provider_name;
};
// GET /api/session 200: {name, avatar, provider, provider_name, expires}.
bool read_session(std::string_view body, Session& out);

// GET/DELETE /api/me/data?site=[&token=]: the reader's own data (docs/privacy.md); the
// browser's like token names a guest's likes, the bearer token a signed-in reader.
std::string my_data_path(std::string_view site, std::string_view like_token);
// parleyd's /privacy?site= page, where a guest asks for their comments by email.
std::string privacy_page_path(std::string_view site);

// Any 4xx/5xx body: {error, message, field?, errors[]?}.
struct Error {
  std::string message;
  FieldErrors errors;                       // from `errors`, or `field`+`message`
  std::optional<std::int64_t> retry_after;  // 429 bodies may say how long to wait
};
Error read_error(std::string_view body);

}  // namespace parley::widget::api
