#include "api/reader_identity.hpp"

#include "api/errors.hpp"
#include "auth/login_service.hpp"

namespace parley::server {
namespace {

using Problem = auth::LoginService::BearerProblem;

const char* problem_message(Problem problem) {
  switch (problem) {
    case Problem::expired:
      return "Your login has expired. Please log in again.";
    case Problem::revoked:
      return "You have logged out. Please log in again.";
    case Problem::missing:
      return "Please log in first.";
    default:
      return "Your login could not be verified. Please log in again.";
  }
}

ReaderIdentity verify(std::string_view authorization, const Context& ctx) {
  if (!ctx.services.login)
    throw ApiError(ErrorCode::login_required, problem_message(Problem::invalid));
  Problem problem{};
  auto id = ctx.services.login->authenticate(authorization, ctx.site->id, ctx.now, problem);
  if (!id) throw ApiError(ErrorCode::login_required, problem_message(problem));
  const auth::SiteLogin* site = ctx.services.login->config().site(ctx.site->id);
  const auth::ProviderConfig* provider = site ? site->find(id->provider) : nullptr;
  std::string provider_name = provider ? provider->name : id->provider;
  return {std::move(*id), std::move(provider_name)};
}

}  // namespace

std::optional<ReaderIdentity> reader_identity(const Request& req, const Context& ctx) {
  const std::string_view authorization = req.header("Authorization");
  if (authorization.empty()) return std::nullopt;
  return verify(authorization, ctx);
}

ReaderIdentity require_reader_identity(const Request& req, const Context& ctx) {
  const std::string_view authorization = req.header("Authorization");
  if (authorization.empty()) {
    throw ApiError(ErrorCode::login_required, problem_message(Problem::missing));
  }
  return verify(authorization, ctx);
}

GuestMode guest_mode(const Context& ctx) {
  const auth::SiteLogin* site =
      ctx.services.login ? ctx.services.login->config().site(ctx.site->id) : nullptr;
  return site ? site->guests : kDefaultGuestMode;
}

GuestMode require_guests_allowed(const Context& ctx) {
  const GuestMode mode = guest_mode(ctx);
  if (mode == GuestMode::disabled) {
    throw ApiError(ErrorCode::login_required, "Please log in to comment on this site.");
  }
  return mode;
}

}  // namespace parley::server
