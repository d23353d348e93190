// GET/POST/DELETE /api/likes and GET /api/likes/counts (docs/api.md, "Likes").
#include <cstdint>

#include <nlohmann/json.hpp>

#include "api/errors.hpp"
#include "api/handlers.hpp"
#include "api/like_events.hpp"
#include "api/like_token.hpp"
#include "api/page_counts.hpp"
#include "api/reader_identity.hpp"
#include "core/limits.hpp"
#include "core/utf8.hpp"
#include "core/validate.hpp"
#include "util/text.hpp"

namespace parley::server::handlers {
namespace {

// A provider's display name is outside text: a stray byte is replaced, never thrown.
std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

[[noreturn]] void invalid(const char* field, const char* message) {
  throw ApiError(FieldErrors{{field, "invalid", message}});
}

void check_page(std::string_view page) {
  if (page.empty()) throw ApiError(FieldErrors{{"page", "required", "page is required."}});
  if (!is_valid_page_key(page)) invalid("page", "page is not a valid page key.");
}

// A signed-in reader likes as their provider account, a guest as their browser token.
Liker liker_of(const std::optional<ReaderIdentity>& who, std::string_view token) {
  if (!who) return Liker{token};
  return Liker{"", who->provider(), who->subject(), who->name(), who->avatar()};
}

// What a like or unlike names: {page, comment (optional, 0 = the page), token}, and who
// asks: a signed-in reader (Authorization: Bearer), else the guest of the token.
struct LikeRequest {
  LikeTarget target;
  std::string token;
  std::optional<ReaderIdentity> who;

  Liker liker() const { return liker_of(who, token); }
};

LikeRequest parse_like(const Request& req, const Context& ctx) {
  if (!starts_with_icase(req.header("Content-Type"), "application/json")) {
    throw ApiError(ErrorCode::unsupported_media_type, "Send the like as application/json.");
  }
  if (!utf8::valid(req.body)) {
    throw ApiError(ErrorCode::bad_utf8, "The request body is not valid UTF-8.");
  }
  const nlohmann::json j = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw ApiError(ErrorCode::bad_json, "The request body is not JSON.");
  if (!j.is_object()) {
    throw ApiError(ErrorCode::bad_json, "The request body must be a JSON object.");
  }
  LikeRequest out;
  out.target.site = ctx.site->id;
  const auto page = j.find("page");
  if (page == j.end() || !page->is_string()) {
    throw ApiError(FieldErrors{{"page", "required", "page is required."}});
  }
  out.target.page = page->get<std::string>();
  check_page(out.target.page);
  if (const auto comment = j.find("comment"); comment != j.end()) {
    if (!comment->is_number_unsigned() ||
        comment->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
      invalid("comment", "comment must be a comment id (0 for the page itself).");
    }
    out.target.comment = comment->get<std::int64_t>();
  }
  // A bad bearer token is refused (401), never taken for a guest's like.
  out.who = reader_identity(req, ctx);
  const auto token = j.find("token");
  // A signed-in reader needs no browser token; one sent must still be well formed.
  if (token != j.end() || !out.who) {
    if (token == j.end() || !token->is_string() || !valid_like_token(token->get<std::string>())) {
      invalid("token", "token must be the browser's random like token.");
    }
    out.token = token->get<std::string>();
  }
  if (ctx.site->likes_require_login && !out.who) {
    throw ApiError(ErrorCode::login_required, "Sign in to like posts and comments on this site.");
  }
  return out;
}

nlohmann::json summary_json(const LikeTarget& t, const LikeSummary& s) {
  return {{"page", t.page},
          {"comment", t.comment},
          {"count", s.count},
          {"liked", s.liked},
          {"recent", recent_json(s.recent)}};
}

// The answer to a like or unlike; a taken one also goes to the page's open live streams
// (docs/live-updates.md), so other readers' counts follow within the second.
Response answer(const LikeTarget& target, LikeResult result, Context& ctx) {
  if (const auto* limited = std::get_if<RateLimited>(&result)) {
    throw ApiError(ErrorCode::rate_limited, "You are liking too quickly. Please wait a moment.",
                   {{"Retry-After", std::to_string(limited->retry_after_seconds)}});
  }
  if (auto* refused = std::get_if<LikeRefused>(&result)) {
    if (refused->code == "too_many") {
      throw ApiError(ErrorCode::rate_limited, std::move(refused->message));
    }
    throw ApiError(
        FieldErrors{{std::move(refused->field), std::move(refused->code), refused->message}});
  }
  const LikeSummary& summary = std::get<LikeSummary>(result);
  publish_likes(ctx, target, summary);
  return json_response(200, dump(summary_json(target, summary)));
}

}  // namespace

Response list_likes(const Request& req, Context& ctx) {
  const auto page = ctx.query.get("page");
  check_page(page.value_or(""));
  const std::string_view token = ctx.query.get("token").value_or("");
  if (!token.empty() && !valid_like_token(token)) {
    invalid("token", "token must be the browser's random like token.");
  }
  // Whether "liked" is true is the signed-in reader's, else the token's.
  const std::optional<ReaderIdentity> who = reader_identity(req, ctx);
  const PageLikes likes = ctx.services.likes.page(ctx.site->id, *page, liker_of(who, token));
  nlohmann::json comments = nlohmann::json::array();
  for (const CommentLikes& c : likes.comments) {
    comments.push_back({{"id", c.id}, {"count", c.count}, {"liked", c.liked}});
  }
  nlohmann::json body = summary_json(LikeTarget{ctx.site->id, std::string(*page), 0}, likes.page);
  body["comments"] = std::move(comments);
  body["require_login"] = ctx.site->likes_require_login;
  return json_response(200, dump(body));
}

Response like(const Request& req, Context& ctx) {
  const LikeRequest r = parse_like(req, ctx);
  return answer(r.target,
                ctx.services.likes.like(r.target, r.liker(), req.client_ip, ctx.now, ctx.mono_now),
                ctx);
}

Response unlike(const Request& req, Context& ctx) {
  const LikeRequest r = parse_like(req, ctx);
  return answer(r.target,
                ctx.services.likes.unlike(r.target, r.liker(), req.client_ip, ctx.mono_now), ctx);
}

Response count_likes(const Request&, Context& ctx) {
  const std::vector<std::string> pages = count_pages(ctx);
  return counts_response(pages, ctx.services.likes.counts(ctx.site->id, pages));
}

}  // namespace parley::server::handlers
