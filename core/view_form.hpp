// The view of the comment form: WordPress's "Leave a Reply" respond section.
//
// Every field has a <label for>, data-parley-field="<name>" (the host reads values by
// it), data-parley-key="field-<name>" (the widget patches it), an error-<name> region
// it is described by, and an autocomplete hint. Required fields carry `required` for
// assistive technology; the form is `novalidate` because core validates, with the
// same messages the server gives.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "result.hpp"
#include "safe_html.hpp"
#include "view_keys.hpp"

namespace parley::view {

// The spam honeypot field's name (docs/spam.md): one form-filling programs know and fill,
// browsers' autofill does not. The widget sends its value as the post's "fax" member.
inline constexpr std::string_view kHoneypotField = "fax";
// The "Notify me of follow-up comments by email" checkbox, named as the API's member.
inline constexpr std::string_view kNotifyField = "notify_replies";
// "Notify me of new posts by email": the site's announcements (docs/notifications.md).
inline constexpr std::string_view kNotifyPostsField = "notify_posts";

// What the form shows when it is first rendered (details the reader saved).
struct FormValues {
  std::string author;
  std::string email;
  std::string website;
  bool save = false;  // "Save my name, email, and website…" checked
  // Prefix of every element id in the section: ids must be unique in the host page,
  // which may hold more than one comment section.
  std::string id_prefix = std::string(keys::kFirstIdPrefix);

  // The plain HTML form, for readers without JavaScript (docs/seo-nojs.md). When
  // `action` is set the form posts itself there with the `hidden` fields, leaves out
  // the Write/Preview tabs (they need the widget), and shows what the server got back:
  // the reader's `text`, each of `errors` next to its field, and `status`.
  // (Default-initialised so callers' aggregate initialisers may stop before them.)
  std::string action{};
  std::vector<std::pair<std::string, std::string>> hidden{};  // name, value
  std::string text{};
  FieldErrors errors{};
  std::string status{};
  // The site's guest mode asks for a name and an email (core/guest_mode.hpp); when not
  // (`allowed`), their "*" is hidden and the inputs lose `required`.
  bool name_email_required = true;
  // kHoneypotField, or "" for no honeypot: a text input people neither see nor reach,
  // which form-filling programs fill in (docs/spam.md).
  std::string_view honeypot = {};
  // "Notify me of follow-up comments by email": shown where the server mails replies
  // (docs/notifications.md); the widget renders it hidden and shows it once the thread
  // says so. Among the guest fields: a logged-in reader's comment carries no address.
  // "Notify me of new posts by email" goes with it (the same mail, the same rule).
  bool notify_offered = false;
  bool notify_replies = false;  // ticked
  bool notify_posts = false;    // ticked
};

// The whole `form` region element (<div class="parley-respond">…</div>).
SafeHtml respond_section(const FormValues& values);

// Content of the `form-title` region: "Leave a Reply", or, when replying,
// "Reply to <author>" followed by a Cancel reply button.
SafeHtml form_title();
// What stands in place of the form when a moderator closed the thread.
SafeHtml closed_notice();
SafeHtml form_title_reply(std::string_view author);

// Content of the `preview` region for Markdown already rendered by core; an empty
// rendering shows a hint instead of an empty box.
SafeHtml preview_content(const SafeHtml& rendered);

}  // namespace parley::view
