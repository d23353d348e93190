// GET and DELETE /api/me/data: a signed-in reader's own comments and likes on the site,
// to download or to erase (docs/privacy.md, docs/api.md "Your own data").
#include "api/erased_comments.hpp"
#include "api/errors.hpp"
#include "api/handlers.hpp"
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

struct Owner {
  privacy::DataOwner who;
  std::string liker;  // their likes' key (LikeDigest::member)
};

Owner owner_of(const Request& req, const Context& ctx) {
  const ReaderIdentity reader = require_reader_identity(req, ctx);
  return {{reader.provider(), reader.subject(), ""},
          ctx.services.likes.member_key(ctx.site->id, reader.provider(), reader.subject())};
}

Response personal(Response res) {
  res.set("Cache-Control", "no-store");
  return res;
}

}  // namespace

Response my_data(const Request& req, Context& ctx) {
  const Owner o = owner_of(req, ctx);
  privacy::PrivacyStore& store = privacy_store(ctx);
  const privacy::ReaderData data{store.comments_of(ctx.site->id, o.who),
                                 store.likes_of(ctx.site->id, o.liker)};
  return personal(json_response(200, privacy::reader_data_json(ctx.site->id, data, ctx.now)));
}

Response delete_my_data(const Request& req, Context& ctx) {
  const Owner o = owner_of(req, ctx);
  privacy::PrivacyStore& store = privacy_store(ctx);
  const std::vector<privacy::OwnComment> listed = store.comments_of(ctx.site->id, o.who);
  const std::size_t comments = store.erase_comments_of(ctx.site->id, o.who);
  const std::size_t likes = store.erase_likes_of(ctx.site->id, o.liker);
  announce_erased(ctx, ctx.site->id, listed);
  return personal(json_response(200, "{\"deleted_comments\":" + std::to_string(comments) +
                                         ",\"deleted_likes\":" + std::to_string(likes) + "}"));
}

}  // namespace parley::server::handlers
