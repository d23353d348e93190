#include "auth/http_client.hpp"

#include <sys/socket.h>

#include <cstring>
#include <memory>

#include <curl/curl.h>
#include <netinet/in.h>

#include "auth/public_address.hpp"

namespace parley::server::auth {
namespace {

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* s) const { curl_slist_free_all(s); }
};

// Initialises libcurl once, before the first request (not thread-safe to repeat).
void global_init() {
  static const bool done = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
  (void)done;
}

struct Sink {
  std::string body;
  bool overflow = false;
};

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->body.size() + n > kMaxProviderResponseBytes) {
    sink->overflow = true;
    return 0;  // makes libcurl abort the transfer
  }
  sink->body.append(data, n);
  return n;
}

bool public_socket_address(const curl_sockaddr& a) {
  // curl's `addr` member is the head of a buffer of `addrlen` bytes (sockaddr_storage).
  if (a.family == AF_INET && a.addrlen >= sizeof(sockaddr_in)) {
    sockaddr_in in{};
    std::memcpy(&in, &a.addr, sizeof in);
    std::array<std::uint8_t, 4> bytes{};
    std::memcpy(bytes.data(), &in.sin_addr, bytes.size());
    return is_public_ipv4(bytes);
  }
  if (a.family == AF_INET6 && a.addrlen >= sizeof(sockaddr_in6)) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, &a.addr, sizeof in6);
    std::array<std::uint8_t, 16> bytes{};
    std::memcpy(bytes.data(), &in6.sin6_addr, bytes.size());
    return is_public_ipv6(bytes);
  }
  return false;
}

// CURLOPT_OPENSOCKETFUNCTION for Reach::public_only: checked on the address curl is
// about to connect to, after DNS, so a name resolving into a private network is refused.
curl_socket_t open_public_socket(void* refused, curlsocktype purpose, curl_sockaddr* a) {
  if (purpose != CURLSOCKTYPE_IPCXN || !public_socket_address(*a)) {
    *static_cast<bool*>(refused) = true;
    return CURL_SOCKET_BAD;
  }
  return ::socket(a->family, a->socktype, a->protocol);
}

HttpResult perform(const std::string& url, const std::string* form, const std::string& bearer,
                   const BasicAuth* basic, Reach reach) {
  global_init();
  const std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return {0, {}, "curl_easy_init failed"};
  std::unique_ptr<curl_slist, SlistDeleter> headers(
      curl_slist_append(nullptr, "Accept: application/json"));
  std::string auth_header;
  if (!bearer.empty()) {
    auth_header = "Authorization: Bearer " + bearer;
    headers.reset(curl_slist_append(headers.release(), auth_header.c_str()));
  }
  Sink sink;
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(kProviderTimeout.count() * 1000));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // timeouts without SIGALRM in a server
  // Providers are named by https URLs in production; redirects are not followed so a
  // token request can never be bounced (with its code) somewhere else.
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_USERAGENT, "parleyd");
  bool refused_address = false;
  if (reach == Reach::public_only) {
    curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, open_public_socket);
    curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, &refused_address);
  }
  if (basic) {
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c, CURLOPT_USERNAME, basic->user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, basic->password.c_str());
  }
  if (form) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, form->c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(form->size()));
  }
  const CURLcode rc = curl_easy_perform(c);
  HttpResult result;
  if (sink.overflow) {
    result.error = "response larger than the provider response limit";
    return result;
  }
  if (rc != CURLE_OK) {
    result.refused = refused_address;
    result.error = refused_address ? "the server's address is not public; not connecting"
                                   : curl_easy_strerror(rc);
    return result;
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &result.status);
  result.body = std::move(sink.body);
  return result;
}

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

void percent_encode(std::string& out, std::string_view s) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c)) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
}

}  // namespace

std::string form_encode(const FormFields& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    percent_encode(out, name);
    out += '=';
    percent_encode(out, value);
  }
  return out;
}

HttpResult http_get(const std::string& url, const std::string& bearer, Reach reach) {
  return perform(url, nullptr, bearer, nullptr, reach);
}

HttpResult http_post_form(const std::string& url, const FormFields& fields, const BasicAuth* basic,
                          Reach reach) {
  const std::string body = form_encode(fields);
  return perform(url, &body, {}, basic, reach);
}

}  // namespace parley::server::auth
