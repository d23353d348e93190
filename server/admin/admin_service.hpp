// Admin accounts: creation (parleyd admin create, owners adding moderators), password
// logins with their rate limits, sessions and CSRF tokens. The HTTP side is
// api/admin_api.cpp; this knows nothing of cookies or forms.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "admin/admin_store.hpp"
#include "service/rate_limiter.hpp"

namespace parley::server::admin {

// The message of every failed login, whatever failed: it never tells a guesser which
// emails are accounts.
inline constexpr std::string_view kWrongLogin = "Wrong email or password.";

struct NewAccount {
  std::string email;
  std::string password;
  std::string role;  // kOwner or kModerator
  std::vector<std::string> sites;
};

// Why an account was not created; `field` names the form field at fault.
struct AccountProblem {
  std::string field;
  std::string message;
};

struct LoggedIn {
  std::string token;  // goes into the cookie; the store keeps only its digest
  std::int64_t expires = 0;
};

class AdminService {
 public:
  AdminService(AdminStore& store, int logins_per_minute);

  // Validates and creates the account (hashes the password: ~0.1-0.2 s).
  std::variant<std::int64_t, AccountProblem> create(NewAccount account, std::int64_t now);

  // Takes one login attempt from the limiters: 0 when allowed, else the seconds to wait.
  // Not thread-safe: called on the I/O thread before the password is checked.
  int take_login_attempt(std::string_view client_ip, std::string_view email,
                         RateLimiter::Clock::time_point now);
  // Checks the password (Argon2id; thread-safe, run on the worker pool) and opens a
  // session. nullopt: wrong email or password, indistinguishably.
  std::optional<LoggedIn> login(std::string_view email, std::string_view password,
                                std::int64_t now);
  // The open session a cookie token names.
  std::optional<AdminSession> session(std::string_view token, std::int64_t now);
  void logout(std::string_view token);
  std::vector<AdminUser> users() { return store_.list_users(); }

 private:
  AdminStore& store_;
  RateLimiter ip_attempts_;
  RateLimiter account_attempts_;
};

// Emails as accounts are keyed: trimmed and lower-cased (ASCII), so "Ana@X.org " logs in
// as ana@x.org.
std::string normalize_email(std::string_view email);

// Compares a submitted CSRF token with the session's in constant time.
bool csrf_matches(const AdminSession& session, std::string_view submitted);

}  // namespace parley::server::admin
