#include "api/akismet_check.hpp"

#include <memory>

#include "core/limits.hpp"

namespace parley::server {
namespace {

// Header values go to Akismet as they came, within the request's header limit; a long
// one is cut rather than refused (it is only a hint for Akismet).
constexpr std::size_t kMaxHintBytes = 512;

std::string hint(std::string_view value) {
  return std::string(value.substr(0, kMaxHintBytes));
}

}  // namespace

Response after_akismet(const Request& req, const Context& ctx, spam::AkismetFields fields,
                       Handler again) {
  const spam::SpamFilter* filter = ctx.services.comments.spam();
  auto answer = std::make_shared<spam::Verdict>();
  Response res;
  res.deferred = std::make_shared<const Deferred>(
      Deferred{[filter, fields = std::move(fields), answer]() {
                 *answer = filter->ask_akismet(fields);
                 return Response{};
               },
               [req, &services = ctx.services, query = ctx.query, site = ctx.site, now = ctx.now,
                mono_now = ctx.mono_now, answer, again](Response) {
                 Context later{services, query, site, now, mono_now};
                 later.akismet = *answer;
                 return again(req, later);
               }});
  return res;
}

spam::Signals request_signals(const Request& req, const Context& ctx) {
  spam::Signals s;
  s.user_agent = hint(req.header("User-Agent"));
  s.referrer = hint(req.header("Referer"));
  if (ctx.site && !ctx.site->origins.empty()) {
    s.blog = ctx.site->origins.front();
  } else {
    s.blog = ctx.services.public_url;
  }
  s.akismet = ctx.akismet;
  return s;
}

}  // namespace parley::server
