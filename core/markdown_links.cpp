#include "markdown_links.hpp"

#include <array>

#include "escape.hpp"
#include "markdown_chars.hpp"
#include "markdown_entities.hpp"

namespace parley::markdown::detail {
namespace {

// cmark's bound: deeper unescaped parentheses end the destination scan.
constexpr int kMaxLinkParenDepth = 32;
// RFC 3986 allows longer schemes, CommonMark autolinks allow 2..32 characters.
constexpr std::size_t kMinSchemeLength = 2;
constexpr std::size_t kMaxSchemeLength = 32;
// RFC 1035 label length, used by the e-mail autolink grammar.
constexpr std::size_t kMaxDomainLabel = 63;

constexpr std::array<std::string_view, 3> kSafeSchemes = {"http", "https", "mailto"};

bool is_control_or_space(char c) {
  return static_cast<unsigned char>(c) <= ' ' || c == 0x7F;
}

// Spaces, tabs and at most one line ending, as allowed around a destination.
std::size_t skip_link_whitespace(std::string_view s, std::size_t i) {
  bool newline = false;
  while (i < s.size()) {
    if (is_space_or_tab(s[i])) {
      ++i;
    } else if (s[i] == '\n' && !newline) {
      newline = true;
      ++i;
    } else {
      break;
    }
  }
  return i;
}

// Returns the index after the destination, or npos when there is none; `scanned`
// is where the scan stopped.
std::size_t scan_destination(std::string_view s, std::size_t i, std::size_t& scanned) {
  if (i < s.size() && s[i] == '<') {
    for (++i; i < s.size(); ++i) {
      const char c = s[i];
      if (c == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
        ++i;
      } else if (c == '>') {
        scanned = i;
        return i + 1;
      } else if (c == '<' || c == '\n') {
        break;
      }
    }
    scanned = i;
    return std::string_view::npos;
  }
  int depth = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
      ++i;
    } else if (c == '(') {
      if (++depth > kMaxLinkParenDepth) break;
    } else if (c == ')') {
      if (depth == 0) break;
      --depth;
    } else if (is_control_or_space(c)) {
      break;
    }
  }
  scanned = i;
  return depth == 0 ? i : std::string_view::npos;
}

// Returns the index after the closing quote, or npos; `scanned` is where it stopped.
std::size_t scan_title(std::string_view s, std::size_t i, std::size_t& scanned) {
  const char open = s[i];
  const char close = open == '(' ? ')' : open;
  for (++i; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
      ++i;
    } else if (c == close) {
      scanned = i;
      return i + 1;
    } else if (open == '(' && c == '(') {
      break;
    }
  }
  scanned = i;
  return std::string_view::npos;
}

bool is_email_local_char(char c) {
  return is_ascii_alnum(c) ||
         std::string_view(".!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

// Domain of an e-mail autolink: labels of letters, digits and inner hyphens.
std::size_t scan_email_domain(std::string_view s, std::size_t i) {
  while (true) {
    const std::size_t label = i;
    while (i < s.size() && (is_ascii_alnum(s[i]) || s[i] == '-') && i - label <= kMaxDomainLabel)
      ++i;
    if (i == label || s[label] == '-' || s[i - 1] == '-' || i - label > kMaxDomainLabel) {
      return std::string_view::npos;
    }
    if (i + 1 < s.size() && s[i] == '.' && is_ascii_alnum(s[i + 1])) {
      ++i;
      continue;
    }
    return i;
  }
}

bool is_domain_char(char c) {
  return is_ascii_alnum(c) || c == '-' || c == '_' || c == '.';
}

// GFM: at least one period, and no underscore in the last two labels.
bool is_valid_bare_domain(std::string_view domain) {
  int dots = 0;
  bool underscore_in_last_two = false;
  for (std::size_t i = domain.size(); i-- > 0;) {
    if (domain[i] == '.') {
      if (++dots == 2) break;
    } else if (domain[i] == '_') {
      underscore_in_last_two = true;
    }
  }
  return dots >= 1 && !underscore_in_last_two && domain.front() != '.';
}

// GFM's "extended autolink path validation": drop trailing punctuation, unmatched
// closing parentheses and something that looks like an entity ("&amp;").
std::size_t trim_bare_autolink(std::string_view s, std::size_t end, std::size_t min_end) {
  std::size_t opens = 0;
  std::size_t closes = 0;
  for (std::size_t i = 0; i < end; ++i) {
    opens += s[i] == '(';
    closes += s[i] == ')';
  }
  while (end > min_end) {
    const char last = s[end - 1];
    if (std::string_view("?!.,:*_~'\"").find(last) != std::string_view::npos) {
      --end;
    } else if (last == ')' && closes > opens) {
      --end;
      --closes;
    } else if (last == ';') {
      std::size_t j = end - 1;
      while (j > min_end && is_ascii_alnum(s[j - 1])) --j;
      if (j > min_end && j < end - 1 && s[j - 1] == '&') {
        end = j - 1;
      } else {
        break;
      }
    } else {
      break;
    }
  }
  return end;
}

}  // namespace

LinkTail parse_link_tail(std::string_view s, std::size_t& ops) {
  if (s.empty() || s[0] != '(') return {};
  std::size_t i = skip_link_whitespace(s, 1);
  const std::size_t dest_begin = i;
  std::size_t scanned = 0;
  const std::size_t dest_end = scan_destination(s, i, scanned);
  ops += scanned;
  if (dest_end == std::string_view::npos) return {};
  LinkTail tail;
  tail.destination = s.substr(dest_begin, dest_end - dest_begin);
  if (!tail.destination.empty() && tail.destination.front() == '<') {
    tail.destination = tail.destination.substr(1, tail.destination.size() - 2);
  }
  i = skip_link_whitespace(s, dest_end);
  if (i > dest_end && i < s.size() && (s[i] == '"' || s[i] == '\'' || s[i] == '(')) {
    const std::size_t title_end = scan_title(s, i, scanned);
    ops += scanned - i;
    if (title_end == std::string_view::npos) return {};
    tail.title = s.substr(i + 1, title_end - i - 2);
    i = skip_link_whitespace(s, title_end);
  }
  if (i >= s.size() || s[i] != ')') return {};
  tail.length = i + 1;
  return tail;
}

bool is_safe_href(std::string_view href) {
  for (std::size_t i = 0; i < href.size(); ++i) {
    const char c = href[i];
    if (c == '/' || c == '?' || c == '#') return true;  // no scheme: relative
    if (c != ':') continue;
    const std::string_view scheme = href.substr(0, i);
    for (std::string_view safe : kSafeSchemes) {
      if (scheme.size() == safe.size() && starts_with_nocase(scheme, safe)) return true;
    }
    return false;
  }
  return true;
}

bool append_href(std::string& out, std::string_view destination) {
  std::string decoded;
  decoded.reserve(destination.size());
  append_unescaped(decoded, destination);
  const std::size_t mark = out.size();
  append_url_encoded(out, decoded);
  if (is_safe_href(std::string_view(out).substr(mark))) return true;
  out.resize(mark);
  return false;
}

Autolink match_angle_autolink(std::string_view s, std::size_t& ops) {
  // <scheme:...>
  std::size_t i = 1;
  while (i < s.size() && i - 1 <= kMaxSchemeLength &&
         (is_ascii_alnum(s[i]) || s[i] == '+' || s[i] == '.' || s[i] == '-')) {
    ++i;
  }
  const std::size_t scheme_length = i - 1;
  if (scheme_length >= kMinSchemeLength && scheme_length <= kMaxSchemeLength &&
      is_ascii_alpha(s[1]) && i < s.size() && s[i] == ':') {
    std::size_t j = i + 1;
    while (j < s.size() && !is_control_or_space(s[j]) && s[j] != '<' && s[j] != '>') ++j;
    ops += j;
    if (j < s.size() && s[j] == '>') {
      const std::string_view url = s.substr(1, j - 1);
      // Only the allowed schemes become links (the check sees the encoded form, as
      // for every other link, when the href is built).
      std::string encoded;
      append_url_encoded(encoded, url);
      if (!is_safe_href(encoded)) return {};
      return {AutolinkKind::kUrl, j + 1, url};
    }
    return {};
  }
  // <local@domain>
  std::size_t j = 1;
  while (j < s.size() && is_email_local_char(s[j])) ++j;
  ops += j;
  if (j == 1 || j >= s.size() || s[j] != '@') return {};
  const std::size_t end = scan_email_domain(s, j + 1);
  if (end == std::string_view::npos || end >= s.size() || s[end] != '>') return {};
  ops += end - j;
  return {AutolinkKind::kEmail, end + 1, s.substr(1, end - 1)};
}

Autolink match_bare_autolink(std::string_view s, std::size_t& ops) {
  std::size_t domain_begin = 0;
  AutolinkKind kind = AutolinkKind::kUrl;
  if (starts_with_nocase(s, "https://")) {
    domain_begin = 8;
  } else if (starts_with_nocase(s, "http://")) {
    domain_begin = 7;
  } else if (starts_with_nocase(s, "www.")) {
    kind = AutolinkKind::kWww;
  } else {
    return {};
  }
  std::size_t i = domain_begin;
  while (i < s.size() && is_domain_char(s[i])) ++i;
  std::size_t end = i;
  while (end < s.size() && !is_control_or_space(s[end]) && s[end] != '<') ++end;
  ops += end;
  end = trim_bare_autolink(s, end, domain_begin);
  const std::size_t domain_end = std::min(i, end);
  if (domain_end == domain_begin) return {};
  std::string_view domain = s.substr(domain_begin, domain_end - domain_begin);
  while (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
  if (domain.empty() || !is_valid_bare_domain(domain)) return {};
  return {kind, end, s.substr(0, end)};
}

}  // namespace parley::markdown::detail
