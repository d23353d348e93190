// Host events (docs/widget-protocol.md, "Events"), parsed from JSON into typed structs.
//
// Parsing is total: JSON that is malformed, not an object, of an unknown type or with
// members of the wrong type yields an error sentence instead of an event, and never
// throws. Optional members fall back to neutral values ("" / 0 / none).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace parley::widget {

// The commenter's details as remembered in the browser.
struct Saved {
  std::string author;
  std::string email;
  std::string website;
};

// The share bar's part of `start`: the owner's settings (data-parley-share*), the
// page's metadata (canonical link, og:* meta) and what the browser can do.
struct ShareStart {
  std::string targets;  // "x,mastodon,copy" as the owner wrote it; "" = the default list
  std::string style;
  std::string via;
  std::string hashtags;
  std::string url;    // canonical URL of the page
  std::string title;  // og:title; "" = the start event's title
  std::string description;
  std::string image;
  bool can_share = false;  // navigator.share exists
  bool touch = false;      // matchMedia('(pointer: coarse)')
  bool clicks = true;      // count clicks (data-parley-share-clicks="off" turns it off)
  std::string server;      // the reader's remembered fediverse server, and its software
  std::string software;
};

struct StartEvent {
  std::string site;
  std::string page;
  std::string title;
  std::int64_t now = 0;
  std::optional<Saved> saved;
  std::string lang;     // BCP 47 tag: the owner's data-parley-lang, else <html lang>
  std::string strings;  // the owner's message overrides, JSON text (docs/i18n.md)
  // The thread data parleyd rendered into the mount (core/view_static.hpp), JSON text;
  // "" when the mount was empty.
  std::string prerendered;
  std::string parts;  // data-parley-parts: "share,likes,comments" (core/embed_parts.hpp)
  ShareStart share;
  std::string origin;    // the page's origin (location.origin), for the login popup
  std::string token;     // the stored login session token of this site, or ""
  std::string instance;  // the reader's remembered Mastodon server, or ""
  // Likes (docs/share-and-likes.md): the saved like token, and a fresh random one
  // from crypto.getRandomValues for the first like.
  std::string like_token;
  std::string random;
  // The catalog parleyd served for `lang` (GET /api/i18n, core i18n's wire_catalog),
  // JSON text; "" uses the catalogs built in (the tests; the wasm has none).
  std::string catalog = {};
  std::string edits = {};  // the reader's remembered edit tokens of this site, JSON text
  bool pow = false;        // the host can solve proofs of work (`work` effects)
  std::string api = {};    // parleyd's origin, for links to its pages (/privacy)
  // The mount's number on the page as the loader counted the script tags (1: the first);
  // 0 when not said. It decides the ids' prefix, which the early rendering shares.
  std::int64_t mount = 0;
};

struct ResponseEvent {
  int request = 0;
  int status = 0;  // 0: the request never got an HTTP answer
  std::string body;
  // Seconds from a Retry-After header, when the host could read one.
  std::optional<std::int64_t> retry_after;
};

// `input` and `blur` share a shape: a form field and its current value.
struct FieldEvent {
  bool blur = false;
  std::string field;
  std::string value;
};

struct ActionEvent {
  std::string action;  // reply, cancel, preview, write, login, login-cancel, logout, ...
  std::int64_t id = 0;
  std::string value;  // data-parley-value: the provider of `login`
};

// The login popup's outcome, as the host saw it: the token or error message it posted
// (only from parleyd's origin and that popup), or that it closed or never opened.
struct LoginEvent {
  std::string token;
  std::string error;
  bool closed = false;
  bool blocked = false;
};

struct SubmitEvent {
  std::string form;    // data-parley-form of the submitted form: "" (comment), "server"
  std::string server;  // the fediverse server field of the "server" form
  std::string text;
  std::string author;
  std::string email;
  std::string website;
  bool save = false;
  std::string honeypot = {};    // view::kHoneypotField: people leave it empty
  bool notify_replies = false;  // view::kNotifyField
  bool notify_posts = false;    // view::kNotifyPostsField
};

struct TickEvent {
  std::int64_t now = 0;
};

// One message of the page's event stream (`data`, `id`), or `closed`: the server
// refused the stream and EventSource gave up on it.
struct LiveEvent {
  std::string data;
  std::string id;
  bool closed = false;
};

// The host's clipboard write for a `copy` effect finished.
struct CopiedEvent {
  bool ok = false;
};

// A share link (data-parley-spread) was clicked; the browser follows it by itself.
struct SpreadEvent {
  std::string target;  // the link's target id: "x", "bluesky", …
};

// The host's answer to a `yield` effect, a frame later: show the next slice.
struct ResumeEvent {};

// The host's answer to a `work` effect: the nonce its worker found ("" when it could not).
struct WorkedEvent {
  std::string challenge;
  std::string nonce;
};

using Event =
    std::variant<StartEvent, ResponseEvent, FieldEvent, ActionEvent, SubmitEvent, TickEvent,
                 LiveEvent, CopiedEvent, SpreadEvent, ResumeEvent, LoginEvent, WorkedEvent>;

struct ParsedEvent {
  std::optional<Event> event;
  std::string error;  // why there is no event
};

// `payload`: the event's one large string, given beside the JSON so that it is not
// escaped into it by the host and lexed out of it again here (a 1,000-comment thread is
// half a megabyte): a response's `body`, a live event's `data`, start's `prerendered`.
// The member in the JSON, when present, wins (tests write events as one JSON).
ParsedEvent parse_event(std::string_view json_text, std::string payload = {});

}  // namespace parley::widget
