// Builds the text of one email (RFC 5322 headers, a base64 UTF-8 text/plain body,
// RFC 2047 encoded words for non-ASCII headers, RFC 8058 one-click unsubscribe). Pure:
// no I/O, no clock, no randomness; unit-tested in tests/server/native/mail_message_test.
//
// Header injection is impossible by construction: addresses with anything but a plain
// addr-spec are refused, and every other header value has its line breaks and control
// characters turned into spaces before it is encoded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::server::notify {

// Longest address accepted (RFC 5321's path limit).
inline constexpr std::size_t kMaxAddressChars = 254;

bool has_line_break(std::string_view text);
// A plain ASCII addr-spec, local@domain, with nothing a header or an SMTP command
// could be split on (no spaces, controls, quotes, angle brackets, commas).
bool is_mail_address(std::string_view address);

// One header line's value as ASCII: control characters become spaces; a value with
// non-ASCII is sent as RFC 2047 base64 encoded words, split on UTF-8 boundaries.
std::string header_text(std::string_view text);
// RFC 5322 date-time in UTC: "Mon, 30 Nov 2026 14:03:25 +0000".
std::string mail_date(std::int64_t unix_seconds);
// Base64 in lines of at most 76 characters, each ended by CRLF (RFC 2045).
std::string base64_lines(std::string_view bytes);

struct MailMessage {
  std::string from;  // address
  std::string from_name;
  std::string to;  // address
  std::string subject;
  std::string text;              // the body, UTF-8, lines ended by \n or \r\n
  std::string message_id;        // unique part; the From address's domain is appended
  std::string list_unsubscribe;  // https URL for one-click unsubscribe, "" for none
  std::int64_t date = 0;         // Unix seconds
};

// The whole message, CRLF line ends, ready for SMTP DATA; nullopt when an address is
// not a plain addr-spec, the message id holds anything but [A-Za-z0-9.-_] or the
// unsubscribe URL anything but printable ASCII without spaces and angle brackets.
std::optional<std::string> build_mail(const MailMessage& m);

// The domain part of an address ("" when it has none).
std::string_view mail_domain(std::string_view address);

}  // namespace parley::server::notify
