// The honeypot layer (docs/spam.md): the plain form has a field people never see or
// reach (visually hidden, aria-hidden, out of the tab order, autocomplete off) and
// form-filling programs fill like any other. A filled one marks the comment as spam,
// the WordPress way: stored for the owner to review, while the sender is told it
// awaits moderation and so learns nothing about what gave it away.
#pragma once

#include <string_view>

#include "core/view_form.hpp"
#include "spam/verdict.hpp"

namespace parley::server::spam {

// The field's name (core's, so the widget renders and sends the same one).
inline constexpr std::string_view kHoneypotField = view::kHoneypotField;

Verdict check_honeypot(std::string_view value);

}  // namespace parley::server::spam
