#include "notify/delivery.hpp"

#include <curl/curl.h>

#include <cstring>
#include <memory>

#include "auth/crypto.hpp"
#include "notify/signed_link.hpp"

namespace parley::server::notify {
namespace {

struct EasyDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct ListDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using Easy = std::unique_ptr<CURL, EasyDeleter>;
using List = std::unique_ptr<curl_slist, ListDeleter>;

// The message, handed to libcurl's upload in pieces.
struct Upload {
  std::string_view data;
  std::size_t at = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t n, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t len = std::min(size * n, up->data.size() - up->at);
  std::memcpy(buffer, up->data.data() + up->at, len);
  up->at += len;
  return len;
}

std::size_t discard(char*, std::size_t size, std::size_t n, void*) {
  return size * n;
}

List append(List list, const std::string& line) {
  curl_slist* grown = curl_slist_append(list.get(), line.c_str());
  if (!grown) throw std::bad_alloc();
  (void)list.release();
  return List(grown);
}

Delivery perform(CURL* c) {
  char reason[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, reason);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  const CURLcode rc = curl_easy_perform(c);
  if (rc != CURLE_OK) return {false, reason[0] != '\0' ? reason : curl_easy_strerror(rc)};
  return {true, {}};
}

}  // namespace

std::string webhook_signature(std::string_view secret, std::string_view body) {
  return "sha256=" + hex(auth::hmac_sha256(secret, body));
}

Delivery send_mail(const SmtpConfig& smtp, std::string_view to, std::string_view message) {
  const Easy c(curl_easy_init());
  if (!c) return {false, "libcurl could not start"};
  const bool implicit = smtp.tls == "implicit";
  const std::string url =
      std::string(implicit ? "smtps://" : "smtp://") + smtp.host + ':' + std::to_string(smtp.port);
  curl_easy_setopt(c.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(c.get(), CURLOPT_PROTOCOLS_STR, implicit ? "smtps" : "smtp");
  // STARTTLS is required, not hoped for: a server that does not offer it gets no mail
  // (and no password) rather than a plain-text session.
  curl_easy_setopt(
      c.get(), CURLOPT_USE_SSL,
      smtp.tls == "none" ? static_cast<long>(CURLUSESSL_NONE) : static_cast<long>(CURLUSESSL_ALL));
  if (!smtp.user.empty()) {
    curl_easy_setopt(c.get(), CURLOPT_USERNAME, smtp.user.c_str());
    curl_easy_setopt(c.get(), CURLOPT_PASSWORD, smtp.password.c_str());
  }
  const std::string from = "<" + smtp.from + ">";
  curl_easy_setopt(c.get(), CURLOPT_MAIL_FROM, from.c_str());
  const List rcpt = append(List(), "<" + std::string(to) + ">");
  curl_easy_setopt(c.get(), CURLOPT_MAIL_RCPT, rcpt.get());
  Upload up{message};
  curl_easy_setopt(c.get(), CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(c.get(), CURLOPT_READDATA, &up);
  curl_easy_setopt(c.get(), CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c.get(), CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c.get(), CURLOPT_TIMEOUT, static_cast<long>(kSmtpTimeout.count()));
  return perform(c.get());
}

Delivery post_webhook(std::string_view url, std::string_view json, std::string_view secret) {
  const Easy c(curl_easy_init());
  if (!c) return {false, "libcurl could not start"};
  const std::string target(url);
  curl_easy_setopt(c.get(), CURLOPT_URL, target.c_str());
  curl_easy_setopt(c.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  List headers = append(List(), "Content-Type: application/json");
  headers = append(std::move(headers), "X-Parley-Signature: " + webhook_signature(secret, json));
  headers = append(std::move(headers), "User-Agent: parleyd");
  curl_easy_setopt(c.get(), CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c.get(), CURLOPT_POSTFIELDS, json.data());
  curl_easy_setopt(c.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(json.size()));
  curl_easy_setopt(c.get(), CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt(c.get(), CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c.get(), CURLOPT_TIMEOUT, static_cast<long>(kWebhookTimeout.count()));
  Delivery d = perform(c.get());
  if (!d.ok) return d;
  long status = 0;
  curl_easy_getinfo(c.get(), CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299) return {false, "HTTP " + std::to_string(status)};
  return d;
}

}  // namespace parley::server::notify
