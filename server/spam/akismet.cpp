#include "spam/akismet.hpp"

#include <curl/curl.h>

#include <memory>

#include "auth/http_client.hpp"
#include "util/text.hpp"

namespace parley::server::spam {
namespace {

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* s) const { curl_slist_free_all(s); }
};

struct Answer {
  std::string body;
  bool discard = false;
  bool overflow = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* a = static_cast<Answer*>(user);
  const std::size_t n = size * count;
  if (a->body.size() + n > kMaxAkismetAnswerBytes) {
    a->overflow = true;
    return 0;
  }
  a->body.append(data, n);
  return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  const std::size_t n = size * count;
  const std::string line = to_lower(trim(std::string_view(data, n)));
  if (line.starts_with("x-akismet-pro-tip:") && trim(line.substr(18)) == "discard") {
    static_cast<Answer*>(user)->discard = true;
  }
  return n;
}

}  // namespace

Verdict akismet_check(const AkismetConfig& config, const AkismetFields& fields) {
  const Verdict unreachable = Verdict::hold(std::string(kAkismetUnreachable));
  // libcurl's globals, once (reference-counted: auth's client does the same).
  static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  if (!initialised) return unreachable;
  const std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return unreachable;
  auth::FormFields form{{"api_key", config.key}};
  form.insert(form.end(), fields.begin(), fields.end());
  const std::string body = auth::form_encode(form);
  std::string url = config.url;
  if (url.ends_with('/')) url.pop_back();
  url += "/1.1/comment-check";
  const std::unique_ptr<curl_slist, SlistDeleter> headers(
      curl_slist_append(nullptr, "Content-Type: application/x-www-form-urlencoded; charset=utf-8"));
  Answer answer;
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(config.timeout_ms));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "Parley/0.1 | Akismet/1.1");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &answer);
  if (curl_easy_perform(c) != CURLE_OK || answer.overflow) return unreachable;
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  constexpr long kOk = 200;
  const std::string_view word = trim(answer.body);
  if (status != kOk) return unreachable;
  if (word == "false") return {};
  if (word != "true") return unreachable;
  if (answer.discard) return Verdict::spam(std::string(kAkismetDiscard));
  return Verdict::hold(std::string(kAkismetSpam));
}

}  // namespace parley::server::spam
