// GET and DELETE /api/me/data: a reader's own comments and likes on the site, to
// download or to erase (docs/privacy.md, docs/api.md "Your own data"). A signed-in
// reader is known by their bearer login; a guest's likes by their browser's like token
// (`&token=`), which is all that ties them to the guest. With both, both.
#include <algorithm>
#include <optional>

#include "api/erased_comments.hpp"
#include "api/errors.hpp"
#include "api/handlers.hpp"
#include "api/like_events.hpp"
#include "api/like_token.hpp"
#include "api/reader_identity.hpp"
#include "privacy/reader_data.hpp"

namespace parley::server::handlers {
namespace {

privacy::PrivacyStore& privacy_store(const Context& ctx) {
  if (!ctx.services.privacy) {
    throw ApiError(ErrorCode::unavailable, "Your data cannot be reached right now.");
  }
  return *ctx.services.privacy;
}

// Whose data the request names: a login's comments and likes, a browser's likes, or both.
struct Owner {
  std::optional<privacy::DataOwner> who;  // the signed-in reader
  std::vector<std::string> likers;        // their likes' keys (LikeDigest)
};

Owner owner_of(const Request& req, const Context& ctx) {
  const std::optional<std::string_view> token = ctx.query.get("token");
  if (token && !valid_like_token(*token)) {
    throw ApiError(
        FieldErrors{{"token", "invalid", "token must be the browser's random like token."}});
  }
  // A bad bearer token is refused (401) even with a good like token; no bearer and no
  // like token is the 401 of a reader who never signed in.
  const std::optional<ReaderIdentity> reader =
      token ? reader_identity(req, ctx) : require_reader_identity(req, ctx);
  Owner o;
  if (reader) {
    o.who = privacy::DataOwner{reader->provider(), reader->subject(), ""};
    o.likers.push_back(
        ctx.services.likes.member_key(ctx.site->id, reader->provider(), reader->subject()));
  }
  if (token) o.likers.push_back(ctx.services.likes.guest_key(ctx.site->id, *token));
  return o;
}

std::vector<privacy::OwnLike> likes_of(privacy::PrivacyStore& store, const Context& ctx,
                                       const Owner& o) {
  std::vector<privacy::OwnLike> out;
  for (const std::string& liker : o.likers) {
    std::vector<privacy::OwnLike> some = store.likes_of(ctx.site->id, liker);
    out.insert(out.end(), some.begin(), some.end());
  }
  // One list, oldest first, as each store lists one liker's.
  std::stable_sort(
      out.begin(), out.end(),
      [](const privacy::OwnLike& a, const privacy::OwnLike& b) { return a.created < b.created; });
  return out;
}

Response personal(Response res) {
  res.set("Cache-Control", "no-store");
  return res;
}

}  // namespace

Response my_data(const Request& req, Context& ctx) {
  const Owner o = owner_of(req, ctx);
  privacy::PrivacyStore& store = privacy_store(ctx);
  privacy::ReaderData data;
  if (o.who) data.comments = store.comments_of(ctx.site->id, *o.who);
  data.likes = likes_of(store, ctx, o);
  return personal(json_response(200, privacy::reader_data_json(ctx.site->id, data, ctx.now)));
}

Response delete_my_data(const Request& req, Context& ctx) {
  const Owner o = owner_of(req, ctx);
  privacy::PrivacyStore& store = privacy_store(ctx);
  std::vector<privacy::OwnComment> listed;
  std::size_t comments = 0;
  if (o.who) {
    listed = store.comments_of(ctx.site->id, *o.who);
    comments = store.erase_comments_of(ctx.site->id, *o.who);
  }
  const std::vector<privacy::OwnLike> liked = likes_of(store, ctx, o);
  std::size_t likes = 0;
  for (const std::string& liker : o.likers) likes += store.erase_likes_of(ctx.site->id, liker);
  announce_erased(ctx, ctx.site->id, listed);
  // Open pages' counts follow, as after each unlike.
  announce_unliked(ctx, ctx.site->id, liked);
  return personal(json_response(200, "{\"deleted_comments\":" + std::to_string(comments) +
                                         ",\"deleted_likes\":" + std::to_string(likes) + "}"));
}

}  // namespace parley::server::handlers
