#include "api/pipeline.hpp"

#include <chrono>
#include <iostream>

#include "api/encoding.hpp"
#include "api/errors.hpp"
#include "api/routes.hpp"
#include "server_limits.hpp"
#include "store/store_error.hpp"
#include "util/unix_time.hpp"

namespace parley::server {
namespace {

constexpr int kNoContent = 204;
// When the database is unreachable: a PostgreSQL restart or failover takes seconds, and
// clients that wait this long before retrying do not pile onto a recovering server.
constexpr int kUnavailableRetryAfterSeconds = 5;

// What dispatch learned that the finishing steps need, even when it ended in an error.
struct Exchange {
  Scope scope = Scope::public_;
  const Site* site = nullptr;
  std::string origin;  // the request's Origin when the site allows it, else ""
};

void set_security_headers(Response& res) {
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "strict-origin-when-cross-origin");
}

// The admin UI loads only its own script, stylesheet and images, posts forms only to
// itself and is never framed (docs/admin.md, "Content Security Policy").
constexpr std::string_view kAdminCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

bool is_admin_path(std::string_view path) {
  return path == "/admin" || path.starts_with("/admin/");
}

// Every response under /admin, its errors and 404s included.
void set_admin_headers(Response& res) {
  res.set("Content-Security-Policy", std::string(kAdminCsp));
  res.set("X-Frame-Options", "DENY");
  res.set("Cross-Origin-Resource-Policy", "same-origin");
  res.set("Vary", "Accept-Encoding");
  // Pages show one account's data: never kept by a shared cache or the back button's.
  if (res.header("Cache-Control").empty()) res.set("Cache-Control", "no-store");
}

Response preflight(const std::string& allow) {
  Response res;
  res.status = kNoContent;
  res.set("Access-Control-Allow-Methods", allow);
  // Authorization: a logged-in reader's session token (docs/login.md).
  // Last-Event-ID: EventSource sends it when it resumes a live update stream.
  res.set("Access-Control-Allow-Headers", "Content-Type, Last-Event-ID, Authorization");
  res.set("Access-Control-Max-Age", std::to_string(limits::kPreflightMaxAgeSeconds));
  res.set("Allow", allow);
  return res;
}

const Site& resolve_site(const Context& ctx) {
  const auto id = ctx.query.get("site");
  if (!id || id->empty()) throw ApiError(ErrorCode::bad_request, "site is required.");
  const Site* site = ctx.services.sites.find(*id);
  if (!site) throw ApiError(ErrorCode::unknown_site, "This site is not served here.");
  return *site;
}

Response dispatch(const Request& req, Services& services, Exchange& ex) {
  const auto mono_now = RateLimiter::Clock::now();
  if (const int wait = services.request_limiter.take(req.client_ip, mono_now); wait > 0) {
    throw ApiError(ErrorCode::rate_limited, "Too many requests. Please wait a moment.",
                   {{"Retry-After", std::to_string(wait)}});
  }

  // HEAD is GET without the body (the transport drops it).
  const std::string_view method = req.method == "HEAD" ? std::string_view("GET") : req.method;
  const Route* route = nullptr;
  bool path_known = false;
  std::string allow;
  for (const Route& r : routes()) {
    if (!path_matches(r, req.path)) continue;
    path_known = true;
    ex.scope = r.scope;
    allow += (allow.empty() ? "" : ", ") + std::string(r.method);
    if (r.method == "GET") allow += ", HEAD";
    if (r.method == method) route = &r;
  }
  if (!path_known) throw ApiError(ErrorCode::not_found, "There is nothing here.");
  if (ex.scope == Scope::site) allow += ", OPTIONS";
  const bool is_preflight = method == "OPTIONS" && ex.scope == Scope::site;
  if (!route && !is_preflight) {
    throw ApiError(ErrorCode::method_not_allowed, std::string(req.method) + " is not allowed here.",
                   {{"Allow", allow}});
  }

  Context ctx{services, Query::parse(req.query), nullptr, unix_now(), mono_now};
  if (ex.scope == Scope::site) {
    ctx.site = ex.site = &resolve_site(ctx);
    const std::string_view origin = req.header("Origin");
    if (!origin.empty()) {
      if (origin_allowed(*ex.site, origin)) {
        ex.origin = std::string(origin);
      } else if (method != "GET") {
        // A GET is answered without CORS headers (the browser withholds it); anything
        // that could change state is refused outright.
        throw ApiError(ErrorCode::origin_not_allowed,
                       "This site does not accept comments from that origin.");
      }
    }
    if (is_preflight) return preflight(allow);
  }
  return route->handler(req, ctx);
}

void finish(const Request& req, const Exchange& ex, Response& res) {
  if (ex.scope == Scope::site) {
    if (!ex.origin.empty()) {
      res.set("Access-Control-Allow-Origin", ex.origin);
      // Not CORS-safelisted: without this the widget cannot read how long to wait on 429.
      res.set("Access-Control-Expose-Headers", "Retry-After");
    }
    res.set("Vary", "Origin, Accept-Encoding");
    // Threads change whenever someone posts: caches must revalidate (cheap, via ETag).
    if (res.header("Cache-Control").empty()) {
      res.set("Cache-Control", (req.method == "GET" || req.method == "HEAD") && res.status == 200
                                   ? "no-cache"
                                   : "no-store");
    }
  } else if (is_admin_path(req.path)) {
    set_admin_headers(res);
  } else {
    res.set("Vary", "Accept-Encoding");
    // Pages with Cross-Origin-Embedder-Policy may still load the widget from here.
    res.set("Cross-Origin-Resource-Policy", "cross-origin");
  }
  encode_body(req, res);
  set_security_headers(res);
}

// Runs `make` and maps whatever it throws to the one error response of each kind.
template <typename Make>
Response guarded(const Request& req, Make&& make) {
  try {
    return make();
  } catch (const ApiError& e) {
    return error_response(e);
  } catch (const StoreUnavailable& e) {
    std::cerr << "parleyd: " << e.what() << '\n';
    return error_response(
        ApiError(ErrorCode::unavailable, "Comments are unavailable for a moment. Please try again.",
                 {{"Retry-After", std::to_string(kUnavailableRetryAfterSeconds)}}));
  } catch (const std::exception& e) {
    // what() comes from our code or SQLite, never from request bodies.
    std::cerr << "parleyd: internal error on " << req.method << ' ' << req.path << ": " << e.what()
              << '\n';
    return error_response(ApiError(ErrorCode::internal, "Something went wrong on our side."));
  }
}

}  // namespace

Response handle(const Request& req, Services& services) {
  Exchange ex;
  Response res = guarded(req, [&] { return dispatch(req, services, ex); });
  if (res.deferred) {
    // The deferred work gets the same error mapping and finishing steps, later, on
    // whichever thread runs it; it keeps its own copies of what they need.
    const std::shared_ptr<const Deferred> work = res.deferred;
    if (!work->then) {
      res.deferred = std::make_shared<const Deferred>(Deferred{[work, req, ex]() {
        Response later = guarded(req, [&] { return work->work(); });
        finish(req, ex, later);
        return later;
      }});
      return res;
    }
    res.deferred = std::make_shared<const Deferred>(
        Deferred{[work, req]() { return guarded(req, [&] { return work->work(); }); },
                 [work, req, ex](Response done) {
                   Response later = guarded(req, [&] { return work->then(std::move(done)); });
                   finish(req, ex, later);
                   return later;
                 }});
    return res;
  }
  finish(req, ex, res);
  return res;
}

Response reject(const ApiError& e) {
  Response res = error_response(e);
  res.set("Cache-Control", "no-store");
  set_security_headers(res);
  // The path of a refused request is not known; a JSON error loads nothing, so the
  // admin UI's policy fits it wherever it was headed.
  res.set("Content-Security-Policy", std::string(kAdminCsp));
  return res;
}

}  // namespace parley::server
