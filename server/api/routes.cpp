#include "api/routes.hpp"

#include "api/admin_handlers.hpp"
#include "api/auth_handlers.hpp"
#include "api/handlers.hpp"

namespace parley::server {
namespace {

// HEAD is answered for every GET route, and OPTIONS (CORS preflight) for every site
// route, by the pipeline; they are not listed separately.
constexpr Route kRoutes[] = {
    {"GET", "/api/comments", Scope::site, handlers::list_comments},  // GET /api/comments?site&page
    {"POST", "/api/comments", Scope::site, handlers::post_comment},  // POST /api/comments?site
    {"PUT", "/api/comments/", Scope::site, handlers::edit_comment},  // /api/comments/<id>?site
    {"DELETE", "/api/comments/", Scope::site, handlers::delete_comment},  // <id>?site
    {"GET", "/api/me/data", Scope::site, handlers::my_data},              // ?site (bearer)
    {"DELETE", "/api/me/data", Scope::site, handlers::delete_my_data},    // ?site (bearer)
    {"GET", "/api/events", Scope::site, handlers::events},        // GET /api/events?site&page (SSE)
    {"GET", "/api/challenge", Scope::site, handlers::challenge},  // GET /api/challenge?site
    {"GET", "/api/counts", Scope::site, handlers::count_comments},  // GET /api/counts?site&page...
    {"GET", "/api/likes", Scope::site, handlers::list_likes},       // ?site&page[&token]
    {"POST", "/api/likes", Scope::site, handlers::like},            // ?site, {page,comment,token}
    {"DELETE", "/api/likes", Scope::site, handlers::unlike},        // ?site, {page,comment,token}
    {"GET", "/api/likes/counts", Scope::site, handlers::count_likes},        // ?site&page...
    {"POST", "/api/share-clicks", Scope::site, handlers::share_click},       // ?site, {page,target}
    {"GET", "/api/share-clicks", Scope::site, handlers::list_share_clicks},  // ?site&page
    {"GET", "/api/nodeinfo", Scope::site, handlers::nodeinfo},               // ?site&host
    {"GET", "/healthz", Scope::public_, handlers::health},                   // GET /healthz
    {"GET", "/parley.js", Scope::public_, handlers::loader},                 // GET /parley.js
    {"GET", "/parley.css", Scope::public_, handlers::stylesheet},            // GET /parley.css
    {"GET", "/feed/comments.atom", Scope::site, handlers::site_feed},        // ?site (Atom)
    {"GET", "/feed/thread.atom", Scope::site, handlers::thread_feed},        // ?site&page (Atom)
    {"GET", "/parley-count.js", Scope::public_, handlers::counter},          // GET /parley-count.js
    {"GET", "/assets/", Scope::public_, handlers::asset},     // GET /assets/<name>.<hash>.<ext>
    {"GET", "/api/i18n", Scope::public_, handlers::catalog},  // GET /api/i18n?lang (widget words)

    // Without JavaScript (api/nojs_api.cpp, docs/seo-nojs.md). The form route checks
    // Origin itself: the embed page on this server may post too.
    {"GET", "/embed/thread", Scope::site,
     handlers::embed_thread},  // ?site&page[&title&lang&format&parts]
    {"POST", "/form/comments", Scope::public_, handlers::post_form},  // ?site, urlencoded

    // Links in notification mails (api/notify_api.cpp, docs/notifications.md): the GET
    // shows a button, the POST acts.
    {"GET", "/notify/moderate", Scope::public_,
     handlers::notify_moderate_page},  // ?site&id&action&expires&sig
    {"POST", "/notify/moderate", Scope::public_, handlers::notify_moderate},    // same, as a form
    {"GET", "/notify/confirm", Scope::public_, handlers::notify_confirm_page},  // ?token
    {"POST", "/notify/confirm", Scope::public_, handlers::notify_confirm},      // token
    {"GET", "/notify/unsubscribe", Scope::public_, handlers::notify_unsubscribe_page},  // ?token
    {"POST", "/notify/unsubscribe", Scope::public_,
     handlers::notify_unsubscribe},  // ?token, List-Unsubscribe=One-Click (RFC 8058)

    // A guest's own data (api/privacy_page_api.cpp, docs/privacy.md): the form mails a
    // signed link; its page shows, only the POSTs act.
    {"GET", "/privacy", Scope::public_, handlers::privacy_page},                 // ?site
    {"POST", "/privacy", Scope::public_, handlers::privacy_request},             // site, email
    {"GET", "/privacy/data", Scope::public_, handlers::privacy_data_page},       // signed link
    {"GET", "/privacy/data.json", Scope::public_, handlers::privacy_data_json},  // same
    {"POST", "/privacy/delete", Scope::public_, handlers::privacy_delete},       // same, as a form

    // Login (api/auth_api.cpp, docs/login.md).
    {"GET", "/api/login", Scope::site, handlers::login_options},  // ?site
    {"GET", "/api/session", Scope::site, handlers::session},      // ?site, Bearer
    {"POST", "/api/logout", Scope::site, handlers::logout},       // ?site, Bearer
    {"GET", "/auth/start", Scope::public_,
     handlers::login_start},  // ?site&provider&origin[&instance]
    {"GET", "/auth/callback", Scope::public_, handlers::login_callback},  // ?state&code|error
    {"GET", "/auth/popup.js", Scope::public_, handlers::login_popup_script},

    // The admin UI (api/admin_api.cpp, docs/admin.md): same-origin HTML forms.
    {"GET", "/admin", Scope::admin, handlers::admin_home},
    {"GET", "/admin/login", Scope::admin, handlers::admin_login_page},
    {"POST", "/admin/login", Scope::admin, handlers::admin_login},    // email, password
    {"POST", "/admin/logout", Scope::admin, handlers::admin_logout},  // csrf
    {"POST", "/admin/moderators", Scope::admin,
     handlers::admin_add_moderator},  // csrf, email, password, site
    // Moderation (api/admin_moderation_api.cpp): every POST carries csrf and the filters.
    {"GET", "/admin/queue", Scope::admin,
     handlers::admin_queue},  // ?site[&status&text&author&page]
    {"POST", "/admin/queue", Scope::admin,
     handlers::admin_queue_action},  // one=ACTION:ID | action+id...
    {"POST", "/admin/settings", Scope::admin, handlers::admin_settings},  // mode
    {"POST", "/admin/unban", Scope::admin, handlers::admin_unban},        // ban=KIND:VALUE
    {"GET", "/admin/comment", Scope::admin, handlers::admin_edit_page},   // ?site&id
    {"POST", "/admin/comment", Scope::admin, handlers::admin_edit},       // id, comment
    {"GET", "/admin/admin.js", Scope::admin, handlers::admin_script},
    {"GET", "/admin/admin.css", Scope::admin, handlers::admin_stylesheet},
};

}  // namespace

std::span<const Route> routes() {
  return kRoutes;
}

bool path_matches(const Route& route, std::string_view path) {
  if (route.path.ends_with('/')) {
    return path.size() > route.path.size() && path.starts_with(route.path);
  }
  return path == route.path;
}

}  // namespace parley::server
