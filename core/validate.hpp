// Validation and normalisation of a submitted comment, shared by the widget (before
// sending, to show messages next to fields) and the server (the authority).
#pragma once

#include <string_view>

#include "comment.hpp"
#include "result.hpp"

namespace parley {

// Trims surrounding whitespace of one-line fields, turns CRLF/CR into LF in the
// text, and trims trailing whitespace of the text. Idempotent.
void normalize(Draft& d);

// Who is posting: a guest types name, email and website; a logged-in reader's name
// comes from their login (docs/login.md), so those fields are not checked. The site's
// guest mode (guest_mode.hpp) says which kind of guest.
enum class Author {
  guest,            // name and email required
  anonymous_guest,  // name and email may be left empty; what is given is still checked
  verified,
};

// Checks a normalised draft. Returns every problem at once, in form order
// (text, author, email, website), then the non-form fields (page, title, parent).
FieldErrors validate(const Draft& d, Author author = Author::guest);

// Single-field checks, exposed so the widget can validate a field on blur.
bool is_valid_email(std::string_view email);
bool is_valid_website(std::string_view url);  // "" is valid (optional)
bool is_valid_page_key(std::string_view page);
// An avatar picture a comment may show: https, or http on loopback (local test and demo
// providers); never data:, javascript: or anything that could leave the attribute.
bool is_safe_avatar_url(std::string_view url);

}  // namespace parley
