#include "admin/admin_service.hpp"

#include <algorithm>

#include "admin/admin_limits.hpp"
#include "admin/password_hash.hpp"
#include "auth/crypto.hpp"
#include "core/utf8.hpp"
#include "util/text.hpp"

namespace parley::server::admin {
namespace {

std::string session_id(std::string_view token) {
  return auth::base64url_encode(auth::sha256(token));
}

bool plausible_email(std::string_view email) {
  const auto at = email.find('@');
  return !email.empty() && email.size() <= limits::kMaxEmailBytes && at != 0 &&
         at != std::string_view::npos && at + 1 < email.size() &&
         email.find_first_of(" \t\r\n<>\"") == std::string_view::npos;
}

}  // namespace

std::string normalize_email(std::string_view email) {
  return to_lower(trim(email));
}

bool csrf_matches(const AdminSession& session, std::string_view submitted) {
  return !session.csrf.empty() && auth::constant_time_equal(session.csrf, submitted);
}

AdminService::AdminService(AdminStore& store, int logins_per_minute)
    : store_(store),
      ip_attempts_(logins_per_minute, limits::kMaxTrackedAccounts),
      account_attempts_(logins_per_minute, limits::kMaxTrackedAccounts) {}

std::variant<std::int64_t, AccountProblem> AdminService::create(NewAccount account,
                                                                std::int64_t now) {
  account.email = normalize_email(account.email);
  if (!plausible_email(account.email)) return AccountProblem{"email", "Enter an email address."};
  if (account.role != kOwner && account.role != kModerator) {
    return AccountProblem{"role", "The role is owner or moderator."};
  }
  if (account.password.size() > kMaxPasswordBytes) {
    return AccountProblem{"password", "The password is too long."};
  }
  if (!utf8::valid(account.password) || utf8::length(account.password) < kMinPasswordChars) {
    return AccountProblem{"password", "Use a password of at least " +
                                          std::to_string(kMinPasswordChars) + " characters."};
  }
  if (account.sites.empty()) {
    if (account.role == kModerator) return AccountProblem{"site", "A moderator needs a site."};
    account.sites.emplace_back(kAllSites);
  }
  std::sort(account.sites.begin(), account.sites.end());
  account.sites.erase(std::unique(account.sites.begin(), account.sites.end()), account.sites.end());
  const auto id = store_.create_user(
      {account.email, hash_password(account.password), account.role, account.sites, now});
  if (!id) return AccountProblem{"email", "There is already an account with this email."};
  return *id;
}

int AdminService::take_login_attempt(std::string_view client_ip, std::string_view email,
                                     RateLimiter::Clock::time_point now) {
  const int by_ip = ip_attempts_.take(client_ip, now);
  const int by_account = account_attempts_.take(normalize_email(email), now);
  return std::max(by_ip, by_account);
}

std::optional<LoggedIn> AdminService::login(std::string_view email, std::string_view password,
                                            std::int64_t now) {
  if (password.size() > kMaxPasswordBytes) return std::nullopt;
  const std::optional<AdminUser> user = store_.find_user(normalize_email(email));
  // An unknown email is checked against a decoy hash: it costs the same time as a
  // wrong password, so response times do not reveal which emails are accounts.
  const bool ok = verify_password(user ? user->password_hash : decoy_hash(), password);
  if (!ok || !user) return std::nullopt;
  LoggedIn in{auth::random_token(limits::kTokenBytes), now + limits::kSessionSeconds};
  store_.open_session(session_id(in.token), user->id, auth::random_token(limits::kTokenBytes), now,
                      in.expires);
  return in;
}

std::optional<AdminSession> AdminService::session(std::string_view token, std::int64_t now) {
  if (token.empty() || token.size() > 2 * limits::kTokenBytes) return std::nullopt;
  return store_.find_session(session_id(token), now);
}

void AdminService::logout(std::string_view token) {
  if (!token.empty()) store_.close_session(session_id(token));
}

}  // namespace parley::server::admin
