// How errors leave core: a list of field errors, each a stable machine code plus a
// sentence for the reader. The server maps a non-empty list to HTTP 400 with
// {error, field, message, errors[]}; the widget shows each message next to its field.
#pragma once

#include <string>
#include <vector>

namespace parley {

struct FieldError {
  std::string field;    // "text", "author", "email", "website", "parent", "page", ...
  std::string code;     // "required", "too_long", "invalid", "bad_utf8", ...
  std::string message;  // shown to the reader as is
};

using FieldErrors = std::vector<FieldError>;

}  // namespace parley
