// The small standalone HTML pages readers and owners land on from a mail client or a
// plain link (the notification links, the /privacy pages): a title, a body, no script.
#pragma once

#include <string_view>

#include "api/message.hpp"
#include "core/html.hpp"

namespace parley::server {

// The page, never cached (it may show one reader's data) and sending no Referer.
Response standalone_page(int status, std::string_view title, const SafeHtml& body);

}  // namespace parley::server
