// Output: what one event produces, the patches and effects of docs/widget-protocol.md,
// collected in order and serialised once at the boundary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/safe_html.hpp"

namespace parley::widget {

class Output {
 public:
  // Patches.
  void html(std::string_view key, const SafeHtml& content);
  void append(std::string_view key, const SafeHtml& content);
  void prepend(std::string_view key, const SafeHtml& content);
  // The element itself gives way to `content` (a stand-in parleyd rendered, adopt_flow).
  void replace(std::string_view key, const SafeHtml& content);
  void move(std::string_view key, std::string_view to);
  void attr(std::string_view key, std::string_view name, std::optional<std::string_view> value);
  void value(std::string_view key, std::string_view text);
  void focus(std::string_view key);
  // A plain sentence in the `status` region ("" clears it).
  void status(std::string_view message);

  // Effects.
  // `bearer`: a login session token, sent as `Authorization: Bearer` ("" for none).
  void fetch(int request, std::string_view method, std::string path,
             std::optional<std::string> body = std::nullopt, std::string_view bearer = {});
  // Open the login popup at `path` (parleyd's /auth/start); the host must do it within
  // the click that caused this event, or the browser blocks it.
  void popup(std::string_view path);
  void close_popup();
  // localStorage: a string, a value already written as JSON (core/json_writer.hpp), or
  // null, which removes the key.
  void save_string(std::string_view key, std::string_view value);
  void save_json(std::string_view key, std::string_view json);
  void remove(std::string_view key);
  // Open the event stream at `path` after `after_ms` (0: now), closing any open one.
  void listen(std::string_view path, int after_ms);
  // Share bar effects the host performs inside the click that asked for them.
  void copy(std::string_view text);  // navigator.clipboard.writeText, then a `copied` event
  void share(std::string_view title, std::string_view text, std::string_view url);
  void print();
  // navigator.sendBeacon(apiBase + path, body): fire and forget.
  void beacon(std::string path, std::string_view body);
  // Let the page render a frame, then send a `resume` event.
  void yield();
  // Save `text` as a file called `name` of MIME type `type` (a Blob URL download).
  void download(std::string_view name, std::string_view type, std::string_view text);
  // Solve the proof-of-work `challenge` off the main thread, then send a `worked` event.
  void work(std::string_view challenge, int bits);

  // One line of JSON, {"patches":[...],"effects":[...]}, a newline, then the HTML of the
  // html/append/prepend patches back to back, as they are: each such patch says how
  // many bytes of that tail are its own ("bytes"), in order (docs/widget-protocol.md).
  std::string serialize() const;

 private:
  // The JSON is written directly rather than built as a json tree and dumped: a
  // thread's patch carries the whole rendered thread (about 1 KB per comment), and
  // copying it into a tree and escaping it byte by byte again cost more than the
  // rendering itself.
  void begin_patch(std::string_view op, std::string_view key);
  // The HTML goes to the tail unescaped: JSON-escaping a rendered thread (a quote in
  // every attribute) and JSON.parse unescaping it again were a tenth of showing it.
  void markup_patch(std::string_view op, std::string_view key, const SafeHtml& content);
  void member(std::string& out, std::string_view name, std::string_view text);
  std::string patches_;
  std::string effects_;
  std::string markup_;
};

}  // namespace parley::widget
