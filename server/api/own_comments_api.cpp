// PUT and DELETE /api/comments/{id}: the author changes or deletes their own comment
// while its edit window is open, proven by the edit token the POST returned or by the
// login that posted it (docs/api.md, "Editing and deleting your own comment").
#include <charconv>

#include <nlohmann/json.hpp>

#include "api/erased_comments.hpp"
#include "api/errors.hpp"
#include "api/handlers.hpp"
#include "api/json_body.hpp"
#include "api/reader_identity.hpp"
#include "auth/edit_token.hpp"
#include "core/comment_json.hpp"
#include "live/live_events.hpp"

namespace parley::server::handlers {
namespace {

constexpr std::string_view kPrefix = "/api/comments/";
// Ids are positive 63-bit integers: at most 19 digits.
constexpr std::size_t kMaxIdDigits = 19;

[[noreturn]] void no_such_comment() {
  throw ApiError(ErrorCode::not_found, "There is no such comment.");
}

std::int64_t comment_id(const Request& req) {
  const std::string_view digits = std::string_view(req.path).substr(kPrefix.size());
  std::int64_t id = 0;
  if (digits.empty() || digits.size() > kMaxIdDigits) no_such_comment();
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (ec != std::errc() || end != digits.data() + digits.size() || id <= 0) no_such_comment();
  return id;
}

// The comment, once the request has shown it may change it; else 403 saying why.
AuthoredComment authorized_comment(const Request& req, Context& ctx, const nlohmann::json& body) {
  const std::int64_t id = comment_id(req);
  const std::optional<ReaderIdentity> reader = reader_identity(req, ctx);
  const EditPolicy& policy = ctx.services.edits;
  if (policy.window_seconds <= 0) {
    throw ApiError(ErrorCode::forbidden, "Comments cannot be edited or deleted on this site.");
  }
  const std::optional<AuthoredComment> found = ctx.services.comments.find(ctx.site->id, id);
  // A held comment is its author's to fix or withdraw too; it stays held.
  if (!found || (found->status != "approved" && found->status != "pending")) no_such_comment();
  const Comment& c = found->comment;
  const auto token = body.find("edit_token");
  bool authorized = false;
  bool expired = false;
  if (token != body.end() && token->is_string()) {
    switch (auth::check_edit_token(token->get<std::string>(), ctx.site->id, id, ctx.now,
                                   policy.secret)) {
      case auth::EditTokenProblem::none:
        authorized = true;
        break;
      case auth::EditTokenProblem::expired:
        expired = true;
        break;
      case auth::EditTokenProblem::invalid:
        break;
    }
  }
  // A logged-in author needs no token: their login names them.
  if (!authorized && reader && !found->subject.empty() && c.provider == reader->provider() &&
      found->subject == reader->subject()) {
    authorized = true;
  }
  // A shorter window configured since the token was issued applies too.
  if (authorized && ctx.now >= c.created + policy.window_seconds) {
    authorized = false;
    expired = true;
  }
  if (expired) {
    throw ApiError(ErrorCode::forbidden, "The time to edit or delete this comment is over.");
  }
  if (!authorized) {
    throw ApiError(ErrorCode::forbidden, "Only the author can edit or delete this comment.");
  }
  return *found;
}

bool held(const AuthoredComment& c) {
  return c.status == "pending";
}

}  // namespace

Response edit_comment(const Request& req, Context& ctx) {
  const nlohmann::json body = json_object_body(req);
  AuthoredComment found = authorized_comment(req, ctx, body);
  // Where moderators review every comment, what they approved is what readers see: an
  // approved comment is no longer changed (docs/admin.md). Deleting it still works.
  Moderation* moderation = ctx.services.comments.moderation();
  if (!held(found) && moderation && moderation->mode(ctx.site->id) == "all") {
    throw ApiError(ErrorCode::forbidden,
                   "Comments on this site are reviewed before they are shown, so an approved "
                   "comment cannot be edited. You can still delete it.");
  }
  const auto text = body.find("text");
  if (text == body.end() || !text->is_string()) {
    throw ApiError(FieldErrors{{"text", "required", "Please write a comment."}});
  }
  EditResult result =
      ctx.services.comments.edit(ctx.site->id, std::move(found.comment), text->get<std::string>());
  if (auto* errors = std::get_if<FieldErrors>(&result)) throw ApiError(std::move(*errors));
  if (std::holds_alternative<CommentGone>(result)) no_such_comment();
  const Comment& edited = std::get<Comment>(result);
  nlohmann::json answer = comment_to_json(edited);
  if (held(found)) {
    // Readers do not see it yet: nothing to tell them.
    answer["status"] = "pending";
  } else if (ctx.services.events) {
    ctx.services.events->publish(ctx.site->id, edited.page,
                                 live::comment_event(live::kCommentEdited, edited));
  }
  return json_response(200, answer.dump());
}

Response delete_comment(const Request& req, Context& ctx) {
  const nlohmann::json body = json_object_body(req);
  const AuthoredComment found = authorized_comment(req, ctx, body);
  const Comment& comment = found.comment;
  if (!ctx.services.comments.remove(ctx.site->id, comment.id)) no_such_comment();
  // Readers drop it, or show the placeholder when it has replies (the widget knows).
  const Comment gone =
      deleted_placeholder(comment.id, comment.parent, comment.depth, comment.page, comment.created);
  if (!held(found) && ctx.services.events) {
    ctx.services.events->publish(ctx.site->id, gone.page,
                                 live::comment_event(live::kCommentDeleted, gone));
  }
  return json_response(200, comment_to_json(gone).dump());
}

}  // namespace parley::server::handlers
