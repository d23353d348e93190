// GET and POST /api/comments.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "api/akismet_check.hpp"
#include "api/encoding.hpp"
#include "api/errors.hpp"
#include "api/handlers.hpp"
#include "api/json_body.hpp"
#include "api/reader_identity.hpp"
#include "auth/edit_token.hpp"
#include "core/comment_json.hpp"
#include "core/utf8.hpp"
#include "core/validate.hpp"
#include "live/live_events.hpp"
#include "spam/honeypot.hpp"
#include "util/text.hpp"

namespace parley::server::handlers {
namespace {

constexpr int kCreated = 201;
constexpr int kAccepted = 202;
constexpr std::string_view kHeldMessage = "Your comment is awaiting moderation.";

std::string required_page(const Context& ctx) {
  const auto page = ctx.query.get("page");
  if (!page || page->empty()) throw ApiError(ErrorCode::bad_request, "page is required.");
  if (!is_valid_page_key(*page)) {
    throw ApiError(ErrorCode::bad_request, "page is not a valid page key.");
  }
  return std::string(*page);
}

// Only the poster gets the POST's answer: the token lets them edit or delete the
// comment until editable_until (docs/api.md).
void add_edit_token(nlohmann::json& answer, const Context& ctx, const Comment& stored) {
  const EditPolicy& edits = ctx.services.edits;
  if (edits.window_seconds <= 0) return;
  const std::int64_t until = stored.created + edits.window_seconds;
  answer["edit_token"] = auth::sign_edit_token(ctx.site->id, stored.id, until, edits.secret);
  answer["editable_until"] = until;
}

// The widget's proof of work (docs/spam.md). Anything but two strings reads as no
// proof, which the spam layer refuses with proof_required; the lengths are bounded there.
spam::Proof proof_from_json(const nlohmann::json& j) {
  spam::Proof proof;
  const auto p = j.find("proof");
  if (p == j.end() || !p->is_object()) return proof;
  if (const auto c = p->find("challenge"); c != p->end() && c->is_string()) {
    proof.challenge = c->get<std::string>();
  }
  if (const auto n = p->find("nonce"); n != p->end() && n->is_string()) {
    proof.nonce = n->get<std::string>();
  }
  return proof;
}

}  // namespace

Response list_comments(const Request& req, Context& ctx) {
  std::string page = required_page(ctx);
  CommentService& service = ctx.services.comments;
  ThreadCache* cache = ctx.services.threads;
  // Read before the thread: a commit of another connection landing in between then
  // costs a rebuild on the next read, never a stale hit.
  const std::uint64_t version = service.data_version();
  const Precompressed* body = cache ? cache->find(ctx.site->id, page, version) : nullptr;
  if (!body) {
    const std::vector<Comment> comments = service.thread(ctx.site->id, page);
    nlohmann::json list = nlohmann::json::array();
    for (const Comment& c : comments) list.push_back(comment_to_json(c));
    // As GET /api/counts and the heading count: deleted comments' placeholders are not.
    const auto count = static_cast<std::size_t>(std::count_if(
        comments.begin(), comments.end(), [](const Comment& c) { return !c.deleted; }));
    nlohmann::json thread{{"page", page}, {"count", count}, {"comments", std::move(list)}};
    // A moderator closed it: the widget shows "Comments are closed." instead of the form.
    if (Moderation* m = service.moderation(); m && m->store().closed(ctx.site->id, page)) {
      thread["closed"] = true;
    }
    if (service.offers_reply_mail()) thread["notify"] = true;
    std::string json = thread.dump();
    if (!cache) return json_response(200, std::move(json));
    body = &cache->put(ctx.site->id, page, version, std::move(json));
  }
  Response res = json_response(200, {});
  set_precompressed(req, res, *body);
  return res;
}

Response post_comment(const Request& req, Context& ctx) {
  // A bad bearer token is refused before anything else: the reader believes they are
  // logged in, so posting as a guest instead would surprise them.
  const std::optional<ReaderIdentity> reader = reader_identity(req, ctx);
  const GuestMode guests = reader ? kDefaultGuestMode : require_guests_allowed(ctx);
  const nlohmann::json j = json_object_body(req);
  Draft draft;
  if (FieldErrors errors = draft_from_json(j, draft); !errors.empty()) {
    throw ApiError(std::move(errors));
  }
  // The widget's copy of the plain form's honeypot field (docs/spam.md).
  spam::Signals signals = request_signals(req, ctx);
  if (const auto hp = j.find(spam::kHoneypotField); hp != j.end() && hp->is_string()) {
    signals.honeypot = hp->get<std::string>();
  }
  signals.proof = proof_from_json(j);
  std::optional<VerifiedAuthor> author;
  if (reader) {
    author = VerifiedAuthor{reader->provider(), reader->provider_name, reader->subject(),
                            reader->name(), reader->avatar()};
  }
  PostResult result =
      ctx.services.comments.post(ctx.site->id, req.client_ip, std::move(draft), ctx.now,
                                 ctx.mono_now, author ? &*author : nullptr, guests, signals);
  if (auto* errors = std::get_if<FieldErrors>(&result)) throw ApiError(std::move(*errors));
  if (const auto* limited = std::get_if<RateLimited>(&result)) {
    throw ApiError(ErrorCode::rate_limited,
                   "You are posting comments too quickly. Please wait a moment.",
                   {{"Retry-After", std::to_string(limited->retry_after_seconds)}});
  }
  if (const auto* refused = std::get_if<Refused>(&result)) {
    throw ApiError(refused->code == "banned" ? ErrorCode::banned : ErrorCode::closed,
                   refused->message);
  }
  if (auto* ask = std::get_if<AskAkismet>(&result)) {
    return after_akismet(req, ctx, std::move(ask->fields), post_comment);
  }
  if (const auto* rejected = std::get_if<Rejected>(&result)) {
    throw ApiError(error_named(rejected->code), rejected->message);
  }
  if (const auto* held = std::get_if<Held>(&result)) {
    // Stored, not shown: no live event until a moderator approves it (docs/admin.md).
    nlohmann::json answer{
        {"id", held->comment.id}, {"status", "pending"}, {"message", kHeldMessage}};
    add_edit_token(answer, ctx, held->comment);
    return json_response(kAccepted, answer.dump());
  }
  const Comment& stored = std::get<Comment>(result);
  if (ctx.services.events) {
    ctx.services.events->publish(ctx.site->id, stored.page,
                                 live::comment_event(live::kCommentCreated, stored));
  }
  nlohmann::json answer = comment_to_json(stored);
  add_edit_token(answer, ctx, stored);
  return json_response(kCreated, answer.dump());
}

}  // namespace parley::server::handlers
