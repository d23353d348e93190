// The request handlers: pure functions from a request to a response. They never see
// a socket; routes.cpp lists them with their method and path.
#pragma once

#include "api/context.hpp"
#include "api/message.hpp"

namespace parley::server::handlers {

Response list_comments(const Request& req, Context& ctx);            // comments_api.cpp
Response post_comment(const Request& req, Context& ctx);             // comments_api.cpp
Response edit_comment(const Request& req, Context& ctx);             // own_comments_api.cpp
Response delete_comment(const Request& req, Context& ctx);           // own_comments_api.cpp
Response my_data(const Request& req, Context& ctx);                  // my_data_api.cpp
Response delete_my_data(const Request& req, Context& ctx);           // my_data_api.cpp
Response privacy_page(const Request& req, Context& ctx);             // privacy_page_api.cpp
Response privacy_request(const Request& req, Context& ctx);          // privacy_page_api.cpp
Response privacy_data_page(const Request& req, Context& ctx);        // privacy_page_api.cpp
Response privacy_data_json(const Request& req, Context& ctx);        // privacy_page_api.cpp
Response privacy_delete(const Request& req, Context& ctx);           // privacy_page_api.cpp
Response events(const Request& req, Context& ctx);                   // events_api.cpp
Response challenge(const Request& req, Context& ctx);                // challenge_api.cpp
Response count_comments(const Request& req, Context& ctx);           // counts_api.cpp
Response list_likes(const Request& req, Context& ctx);               // likes_api.cpp
Response like(const Request& req, Context& ctx);                     // likes_api.cpp
Response unlike(const Request& req, Context& ctx);                   // likes_api.cpp
Response count_likes(const Request& req, Context& ctx);              // likes_api.cpp
Response share_click(const Request& req, Context& ctx);              // share_api.cpp
Response list_share_clicks(const Request& req, Context& ctx);        // share_api.cpp
Response nodeinfo(const Request& req, Context& ctx);                 // share_api.cpp
Response site_feed(const Request& req, Context& ctx);                // feeds_api.cpp
Response thread_feed(const Request& req, Context& ctx);              // feeds_api.cpp
Response health(const Request& req, Context& ctx);                   // static_api.cpp
Response loader(const Request& req, Context& ctx);                   // static_api.cpp
Response stylesheet(const Request& req, Context& ctx);               // static_api.cpp
Response counter(const Request& req, Context& ctx);                  // static_api.cpp
Response asset(const Request& req, Context& ctx);                    // static_api.cpp
Response catalog(const Request& req, Context& ctx);                  // static_api.cpp
Response embed_thread(const Request& req, Context& ctx);             // nojs_api.cpp
Response post_form(const Request& req, Context& ctx);                // nojs_api.cpp
Response notify_moderate_page(const Request& req, Context& ctx);     // notify_api.cpp
Response notify_moderate(const Request& req, Context& ctx);          // notify_api.cpp
Response notify_confirm_page(const Request& req, Context& ctx);      // notify_api.cpp
Response notify_confirm(const Request& req, Context& ctx);           // notify_api.cpp
Response notify_unsubscribe_page(const Request& req, Context& ctx);  // notify_api.cpp
Response notify_unsubscribe(const Request& req, Context& ctx);       // notify_api.cpp

}  // namespace parley::server::handlers
