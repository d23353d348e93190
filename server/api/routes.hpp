// The route table: every endpoint parleyd serves, in one place (routes.cpp).
#pragma once

#include <span>
#include <string_view>

#include "api/context.hpp"
#include "api/message.hpp"

namespace parley::server {

// What the pipeline does around a handler.
enum class Scope {
  site,     // needs ?site=, answers CORS for that site's origins, JSON API caching
  public_,  // open to everyone (health check, static files)
  admin,    // the admin UI: same-origin only, its own session cookie, strict CSP
};

using Handler = Response (*)(const Request&, Context&);

struct Route {
  std::string_view method;
  std::string_view path;  // exact, or a prefix when it ends in '/'
  Scope scope;
  Handler handler;
};

std::span<const Route> routes();

bool path_matches(const Route& route, std::string_view path);

}  // namespace parley::server
