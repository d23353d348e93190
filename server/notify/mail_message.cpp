#include "notify/mail_message.hpp"

#include <array>
#include <ctime>

namespace parley::server::notify {
namespace {

constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// An encoded word is at most 75 characters (RFC 2047 §2): "=?UTF-8?B?" + "?=" leave 63
// for base64, i.e. 45 bytes of text.
constexpr std::size_t kEncodedWordBytes = 45;

std::string base64(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 3; ++k) {
      v = (v << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0U);
    }
    for (std::size_t k = 0; k < 4; ++k) {
      out += k <= n ? kBase64[(v >> (18 - 6 * k)) & 0x3F] : '=';
    }
  }
  return out;
}

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

bool address_char(char c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= '0' && c <= '9') return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos;
}

bool message_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_';
}

// The display name as a quoted string, or encoded words when it is not plain ASCII.
std::string mailbox(std::string_view name, std::string_view address) {
  std::string shown = header_text(name);
  std::string out;
  if (!shown.empty()) {
    if (shown.starts_with("=?")) {
      out = shown;
    } else {
      out = "\"";
      for (const char c : shown) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
      }
      out += '"';
    }
    out += ' ';
  }
  out += '<';
  out += address;
  out += '>';
  return out;
}

void header(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += ": ";
  out += value;
  out += "\r\n";
}

}  // namespace

bool has_line_break(std::string_view text) {
  return text.find_first_of("\r\n") != std::string_view::npos;
}

bool is_mail_address(std::string_view a) {
  if (a.size() < 3 || a.size() > kMaxAddressChars) return false;
  const std::size_t at = a.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == a.size()) return false;
  if (a.find('@', at + 1) != std::string_view::npos) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (i != at && !address_char(a[i])) return false;
  }
  const std::string_view domain = a.substr(at + 1);
  return domain.front() != '.' && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

std::string header_text(std::string_view text) {
  std::string clean;
  bool ascii = true;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      clean += ' ';  // CR, LF, tabs: a header value stays on its one line
    } else {
      clean += c;
      if (u >= 0x80) ascii = false;
    }
  }
  if (ascii && clean.find("=?") == std::string::npos) return clean;
  std::string out;
  std::size_t i = 0;
  while (i < clean.size()) {
    std::size_t end = std::min(clean.size(), i + kEncodedWordBytes);
    while (end < clean.size() && end > i && is_continuation(clean[end])) --end;
    if (!out.empty()) out += ' ';  // folding whitespace between words is not shown
    out += "=?UTF-8?B?" + base64(std::string_view(clean).substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string mail_date(std::int64_t unix_seconds) {
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::array<char, 40> buf{};
  const std::size_t n = std::strftime(buf.data(), buf.size(), "%d %b %Y %H:%M:%S +0000", &tm);
  // %a and %b follow the C locale, which parleyd never changes; the day name is set
  // explicitly so no locale can make it anything but English.
  constexpr std::array<std::string_view, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                     "Thu", "Fri", "Sat"};
  return std::string(kDays[static_cast<std::size_t>(tm.tm_wday) % 7]) + ", " +
         std::string(buf.data(), n);
}

std::string base64_lines(std::string_view bytes) {
  const std::string all = base64(bytes);
  std::string out;
  for (std::size_t i = 0; i < all.size(); i += 76) {
    out += all.substr(i, 76);
    out += "\r\n";
  }
  return out;
}

std::string_view mail_domain(std::string_view address) {
  const std::size_t at = address.rfind('@');
  return at == std::string_view::npos ? std::string_view() : address.substr(at + 1);
}

std::optional<std::string> build_mail(const MailMessage& m) {
  if (!is_mail_address(m.from) || !is_mail_address(m.to) || m.message_id.empty()) {
    return std::nullopt;
  }
  for (const char c : m.message_id) {
    if (!message_id_char(c)) return std::nullopt;
  }
  for (const char c : m.list_unsubscribe) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F || c == '<' || c == '>') return std::nullopt;
  }
  std::string body;
  for (std::size_t i = 0; i < m.text.size(); ++i) {
    if (m.text[i] == '\r') continue;
    if (m.text[i] == '\n') body += '\r';
    body += m.text[i];
  }
  std::string out;
  header(out, "Date", mail_date(m.date));
  header(out, "From", mailbox(m.from_name, m.from));
  header(out, "To", "<" + m.to + ">");
  header(out, "Subject", header_text(m.subject));
  header(out, "Message-ID", "<" + m.message_id + "@" + std::string(mail_domain(m.from)) + ">");
  // RFC 3834: mail sent by a program; vacation responders should not answer it.
  header(out, "Auto-Submitted", "auto-generated");
  if (!m.list_unsubscribe.empty()) {
    header(out, "List-Unsubscribe", "<" + m.list_unsubscribe + ">");
    header(out, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
  }
  header(out, "MIME-Version", "1.0");
  header(out, "Content-Type", "text/plain; charset=utf-8");
  header(out, "Content-Transfer-Encoding", "base64");
  out += "\r\n";
  out += base64_lines(body);
  return out;
}

}  // namespace parley::server::notify
