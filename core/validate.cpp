#include "validate.hpp"

#include <algorithm>
#include <optional>

#include "host.hpp"
#include "limits.hpp"
#include "utf8.hpp"

namespace parley {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void trim(std::string& s) {
  const auto first = std::find_if_not(s.begin(), s.end(), is_space);
  const auto last = std::find_if_not(s.rbegin(), s.rend(), is_space).base();
  s = first < last ? std::string(first, last) : std::string();
}

// Control characters other than tab and newline have no place in a comment and are
// a favourite of spoofing tricks; one-line fields may not contain newlines either.
bool has_control(std::string_view s, bool allow_newlines) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\t' || (allow_newlines && c == '\n')) continue;
    if (c < 0x20 || c == 0x7F) return true;
  }
  return false;
}

// A website or e-mail host: a DNS name, or "localhost" for people testing locally.
bool is_host(std::string_view host) {
  return host == "localhost" || is_dns_name(host);
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// The host of an http(s) URL whose scheme is `scheme_chars` long, without its port;
// nullopt when the URL holds characters that could break out of an attribute or hides
// its host behind user-info.
std::optional<std::string_view> url_host(std::string_view url, std::size_t scheme_chars) {
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\') {
      return std::nullopt;
    }
  }
  const std::string_view after = url.substr(scheme_chars);
  std::string_view host = after.substr(0, after.find_first_of("/?#"));
  if (host.find('@') != std::string_view::npos) return std::nullopt;
  if (!strip_port(host)) return std::nullopt;
  return host;
}

struct Check {
  FieldErrors& errors;
  // Records the first problem of a field only: one clear message per field.
  bool failed(const char* field) const {
    return std::any_of(errors.begin(), errors.end(),
                       [&](const FieldError& e) { return e.field == field; });
  }
  void add(const char* field, const char* code, std::string message) const {
    if (!failed(field)) errors.push_back({field, code, std::move(message)});
  }
  void text(const char* field, const std::string& value, std::size_t max_chars, bool multiline,
            const char* label) const {
    if (!utf8::valid(value)) {
      add(field, "bad_utf8", std::string(label) + " contains invalid characters.");
    } else if (utf8::length(value) > max_chars) {
      add(field, "too_long",
          std::string(label) + " is too long (at most " + std::to_string(max_chars) +
              " characters).");
    } else if (has_control(value, multiline)) {
      add(field, "invalid", std::string(label) + " contains control characters.");
    }
  }
};

}  // namespace

void normalize(Draft& d) {
  trim(d.page);
  trim(d.title);
  trim(d.author);
  trim(d.email);
  trim(d.website);
  std::string text;
  text.reserve(d.text.size());
  for (std::size_t i = 0; i < d.text.size(); ++i) {
    if (d.text[i] == '\r') {
      text.push_back('\n');
      if (i + 1 < d.text.size() && d.text[i + 1] == '\n') ++i;
    } else {
      text.push_back(d.text[i]);
    }
  }
  // Leading blank lines carry no meaning; leading spaces might (indented code).
  const auto first = text.find_first_not_of(" \t\n");
  const auto line_start = first == std::string::npos ? text.size() : text.rfind('\n', first);
  text.erase(0, line_start == std::string::npos ? 0 : line_start + 1);
  while (!text.empty() && is_space(text.back())) text.pop_back();
  d.text = std::move(text);
}

bool is_valid_email(std::string_view email) {
  const auto at = email.rfind('@');
  if (at == std::string_view::npos || at == 0 || email.size() > limits::kMaxEmailChars)
    return false;
  const std::string_view local = email.substr(0, at);
  const std::string_view domain = email.substr(at + 1);
  if (local.size() > 64) return false;
  for (char c : local) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '@' || c == '"' || c == '(' || c == ')' || c == ',' ||
        c == ':' || c == ';' || c == '<' || c == '>' || c == '[' || c == ']' || c == '\\') {
      return false;
    }
  }
  return is_dns_name(domain);
}

bool is_valid_website(std::string_view url) {
  if (url.empty()) return true;
  if (url.size() > limits::kMaxWebsiteChars) return false;
  std::size_t rest = 0;
  if (starts_with_icase(url, "https://")) {
    rest = 8;
  } else if (starts_with_icase(url, "http://")) {
    rest = 7;
  } else {
    return false;
  }
  const auto host = url_host(url, rest);
  return host && is_host(*host);
}

bool is_safe_avatar_url(std::string_view url) {
  if (url.size() > limits::kMaxWebsiteChars) return false;
  if (starts_with_icase(url, "https://")) return is_valid_website(url);
  // Plain http only on loopback: the local test and demo providers serve pictures there.
  if (!starts_with_icase(url, "http://")) return false;
  const auto host = url_host(url, 7);
  return host && (*host == "127.0.0.1" || *host == "localhost");
}

bool is_valid_page_key(std::string_view page) {
  if (page.empty() || page.size() > limits::kMaxPageChars) return false;
  if (page.front() != '/' && !starts_with_icase(page, "https://") &&
      !starts_with_icase(page, "http://")) {
    return false;
  }
  return !has_control(page, false) && utf8::valid(page);
}

namespace {

void validate_guest(const Draft& d, const Check& check, bool named) {
  if (named && d.author.empty()) check.add("author", "required", "Please enter your name.");
  check.text("author", d.author, limits::kMaxAuthorChars, false, "Your name");

  if (d.email.empty()) {
    // Mail about replies or new posts needs an address to go to, whatever the guest
    // mode says.
    if (named || d.notify_replies || d.notify_posts) {
      check.add("email", "required", "Please enter your email address.");
    }
  } else if (d.email.size() > limits::kMaxEmailChars) {
    check.add("email", "too_long", "Your email address is too long.");
  } else if (!utf8::valid(d.email) || !is_valid_email(d.email)) {
    check.add("email", "invalid", "Please enter a valid email address, like name@example.com.");
  }

  if (d.website.size() > limits::kMaxWebsiteChars) {
    check.add("website", "too_long", "Your website address is too long.");
  } else if (!utf8::valid(d.website) || !is_valid_website(d.website)) {
    check.add("website", "invalid",
              "Please enter a web address starting with http:// or https://.");
  }
}

}  // namespace

FieldErrors validate(const Draft& d, Author author) {
  FieldErrors errors;
  const Check check{errors};

  if (d.text.empty()) check.add("text", "required", "Please type your comment text.");
  check.text("text", d.text, limits::kMaxTextChars, true, "Your comment");
  if (author != Author::verified) validate_guest(d, check, author == Author::guest);

  if (!is_valid_page_key(d.page)) {
    check.add("page", "invalid", "The page of this thread is not a valid path.");
  }
  check.text("title", d.title, limits::kMaxTitleChars, false, "The page title");
  if (d.parent < 0) check.add("parent", "invalid", "The comment you reply to does not exist.");
  return errors;
}

}  // namespace parley
