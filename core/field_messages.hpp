// A validation error (core's or the server's) in the active catalog's language, for
// the widget and for the server's plain HTML form (docs/seo-nojs.md).
#pragma once

#include <string>

#include "result.hpp"

namespace parley::i18n {

// The catalog has "error.<field>.<code>" in core's English words; a message that is
// not those words (a server with something more specific to say) is kept as written.
std::string field_error(const FieldError& err);

}  // namespace parley::i18n
