// What moderation keeps beside the comments (migration 9 of both engines): each site's
// moderation mode as its owner set it, banned authors, closed threads, pinned comments,
// and the queue the admin UI works through. One engine per store engine, each on its
// own connection and serialised by a mutex (the admin UI and the post path share it).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/comment.hpp"

namespace parley::server {

// How an author is recognised for bans and for "first comment of a new author": their
// login identity ("<provider>:<subject>", logged-in readers only), a digest of their
// email, a salted digest of their IP. Empty members are unknown.
struct AuthorKeys {
  std::string identity;
  std::string email_hash;
  std::string ip_hash;
};

// A ban matches one of an author's keys.
inline constexpr std::string_view kBanKinds[] = {"identity", "email", "ip"};

struct Ban {
  std::string kind;  // one of kBanKinds
  std::string value;
  std::int64_t created = 0;
};

// What the queue shows of a comment: the public comment plus what only moderators see.
struct QueueItem {
  Comment comment;  // id, page, author, website, text, html, created, pinned
  std::string status;
  std::string reason;  // why it was held ("" for comments never held)
  std::string email;
  AuthorKeys keys;
  std::string title;  // of its thread
};

struct QueueQuery {
  std::string site;
  std::string status;  // "" for every status
  std::string text;    // substring of the Markdown source, "" for any
  std::string author;  // substring of the author's name or email, "" for any
  std::string page;    // substring of the page key, "" for any
  std::size_t limit = 100;
};

class ModerationStore {
 public:
  virtual ~ModerationStore() = default;

  // The mode an owner set in the admin UI ("none", "first", "all"); nullopt: the
  // config's.
  virtual std::optional<std::string> mode(std::string_view site) = 0;
  virtual void set_mode(std::string_view site, std::string_view mode) = 0;

  // True when any of the author's non-empty keys is banned on the site.
  virtual bool banned(std::string_view site, const AuthorKeys& author) = 0;
  virtual void ban(std::string_view site, const Ban& ban) = 0;
  virtual bool unban(std::string_view site, std::string_view kind, std::string_view value) = 0;
  virtual std::vector<Ban> bans(std::string_view site) = 0;

  // True when the author (by identity, else email digest, else IP digest) has an
  // approved comment on the site.
  virtual bool known_author(std::string_view site, const AuthorKeys& author) = 0;

  // True when the author posted exactly `text` on the site at or after `since` (Unix
  // seconds) and it was not deleted: matched by identity or email digest, by the IP
  // digest only for an author who gives neither (people sharing an address are
  // different authors). The duplicate spam layer asks (docs/spam.md).
  virtual bool posted_recently(std::string_view site, const AuthorKeys& author,
                               std::string_view text, std::int64_t since) = 0;

  virtual bool closed(std::string_view site, std::string_view page) = 0;
  // Returns false when the page has no thread (nothing to close).
  virtual bool set_closed(std::string_view site, std::string_view page, bool closed) = 0;

  // Newest first.
  virtual std::vector<QueueItem> queue(const QueueQuery& q) = 0;
  virtual std::optional<QueueItem> find(std::string_view site, std::int64_t id) = 0;
  // Each returns false when the site has no comment of that id.
  virtual bool set_status(std::string_view site, std::int64_t id, std::string_view status) = 0;
  virtual bool edit(std::string_view site, std::int64_t id, std::string_view text,
                    std::string_view html) = 0;
  virtual bool set_pinned(std::string_view site, std::int64_t id, bool pinned) = 0;
};

std::unique_ptr<ModerationStore> open_sqlite_moderation_store(const std::string& path);
std::unique_ptr<ModerationStore> open_pg_moderation_store(const std::string& conninfo);

}  // namespace parley::server
