// Mail building (server/notify/mail_message.hpp), link signing and the outbox's retry
// arithmetic: what a mail server and a mail client receive, byte for byte, and that no
// outside text can add a header.
#include <doctest/doctest.h>

#include <string>

#include "notify/delivery.hpp"
#include "notify/mail_message.hpp"
#include "notify/outbox_sender.hpp"
#include "notify/signed_link.hpp"

using namespace parley::server::notify;

namespace {

MailMessage sample() {
  MailMessage m;
  m.from = "comments@blog.example";
  m.from_name = "Blog comments";
  m.to = "ada@example.org";
  m.subject = "New reply";
  m.text = "Hello\nworld";
  m.message_id = "abc-123";
  m.date = 1'796'047'405;  // Mon, 30 Nov 2026 14:03:25 UTC
  return m;
}

// The header block of a built message, up to the blank line.
std::string headers_of(const std::string& message) {
  return message.substr(0, message.find("\r\n\r\n") + 2);
}

}  // namespace

TEST_CASE("mail: headers, date, message id and a base64 body with CRLF lines") {
  const std::string m = *build_mail(sample());
  CHECK(m ==
        "Date: Mon, 30 Nov 2026 14:03:25 +0000\r\n"
        "From: \"Blog comments\" <comments@blog.example>\r\n"
        "To: <ada@example.org>\r\n"
        "Subject: New reply\r\n"
        "Message-ID: <abc-123@blog.example>\r\n"
        "Auto-Submitted: auto-generated\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "\r\n"
        "SGVsbG8NCndvcmxk\r\n");  // "Hello\r\nworld"
}

TEST_CASE("mail: one-click unsubscribe headers (RFC 8058)") {
  MailMessage s = sample();
  s.list_unsubscribe = "https://comments.example/notify/unsubscribe?token=a_b-c";
  const std::string h = headers_of(*build_mail(s));
  CHECK(h.find("List-Unsubscribe: <https://comments.example/notify/unsubscribe?token=a_b-c>\r\n"
               "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n") != std::string::npos);
  s.list_unsubscribe = "https://x.example/>\r\nBcc: <all@example.org";
  CHECK_FALSE(build_mail(s));
}

TEST_CASE("mail: line breaks in a subject or name cannot start a header") {
  MailMessage s = sample();
  s.subject = "Hi\r\nBcc: victim@example.org";
  s.from_name = "Eve\nX-Evil: 1";
  const std::string h = headers_of(*build_mail(s));
  CHECK(h.find("\r\nBcc:") == std::string::npos);
  CHECK(h.find("\r\nX-Evil") == std::string::npos);
  CHECK(h.find("Subject: Hi  Bcc: victim@example.org\r\n") != std::string::npos);
  CHECK(h.find("From: \"Eve X-Evil: 1\" <comments@blog.example>\r\n") != std::string::npos);
}

TEST_CASE("mail: quotes in a display name are escaped inside the quoted string") {
  MailMessage s = sample();
  s.from_name = R"(A "B" \C)";
  CHECK(headers_of(*build_mail(s)).find(R"(From: "A \"B\" \\C" <)") != std::string::npos);
}

TEST_CASE("mail: non-ASCII headers are RFC 2047 encoded words, split on UTF-8 boundaries") {
  CHECK(header_text("Café") == "=?UTF-8?B?Q2Fmw6k=?=");
  // 30 two-byte letters: 60 bytes, more than one word holds (45 bytes); the split
  // falls between letters, never inside one.
  std::string long_text;
  for (int i = 0; i < 30; ++i) long_text += "é";
  const std::string words = header_text(long_text);
  CHECK(words ==
        "=?UTF-8?B?w6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6nDqcOpw6k=?= "
        "=?UTF-8?B?w6nDqcOpw6nDqcOpw6nDqQ==?=");
  // Text that merely looks like an encoded word is encoded too, so it reads as typed.
  CHECK(header_text("=?x?=").starts_with("=?UTF-8?B?"));
}

TEST_CASE("mail: addresses are plain addr-specs or refused") {
  CHECK(is_mail_address("a.b+c@example.org"));
  CHECK_FALSE(is_mail_address("a@b@example.org"));
  CHECK_FALSE(is_mail_address("a b@example.org"));
  CHECK_FALSE(is_mail_address("a@example.org>\r\nRCPT TO:<b@example.org"));
  CHECK_FALSE(is_mail_address("\"quoted\"@example.org"));
  CHECK_FALSE(is_mail_address("a@.example.org"));
  CHECK_FALSE(is_mail_address("@example.org"));
  CHECK_FALSE(is_mail_address("ünï@example.org"));
  MailMessage s = sample();
  s.to = "a@example.org\r\nBcc: b@example.org";
  CHECK_FALSE(build_mail(s));
  s = sample();
  s.message_id = "x>\r\nBcc: y";
  CHECK_FALSE(build_mail(s));
}

TEST_CASE("mail: long bodies wrap at 76 base64 characters") {
  MailMessage s = sample();
  s.text = std::string(100, 'a');
  const std::string m = *build_mail(s);
  const std::string body = m.substr(m.find("\r\n\r\n") + 4);
  CHECK(body.find("\r\n") == 76);
  CHECK(body.size() == 136 + 4);  // 100 bytes: 136 base64 characters, two CRLFs
}

TEST_CASE("links: a signature names the site, comment, action and expiry, and expires") {
  const ModerationLink link{"blog", 42, "approve", 2000};
  const std::string sig = sign_link("key", link);
  CHECK(sig.size() == 64);
  CHECK(link_valid("key", link, sig, 2000));
  CHECK_FALSE(link_valid("key", link, sig, 2001));
  CHECK_FALSE(link_valid("other key", link, sig, 1000));
  CHECK_FALSE(link_valid("key", {"blog", 42, "delete", 2000}, sig, 1000));
  CHECK_FALSE(link_valid("key", {"blog", 43, "approve", 2000}, sig, 1000));
  CHECK_FALSE(link_valid("key", {"blog", 42, "approve", 9000}, sig, 1000));
  CHECK(link_query("key", link) == "site=blog&id=42&action=approve&expires=2000&sig=" + sig);
}

TEST_CASE("webhooks: the signature is sha256= and the hex HMAC of the body") {
  // RFC 4231 test case 2.
  CHECK(webhook_signature("Jefe", "what do ya want for nothing?") ==
        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("outbox: retries wait base, 2 base, 4 base … up to a day") {
  CHECK(retry_delay(60, 1) == 60);
  CHECK(retry_delay(60, 2) == 120);
  CHECK(retry_delay(60, 5) == 960);
  CHECK(retry_delay(60, 40) == kMaxRetrySeconds);
}
