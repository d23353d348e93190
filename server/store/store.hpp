// The storage interface. Services talk to this only; SqliteStore is the first engine,
// and a PostgreSQL engine can follow without touching the layers above.
//
// Sites and pages are opaque keys here: the service validated them already.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/comment.hpp"

namespace parley::server {

// What the service asks the store to keep: the public comment plus what never leaves
// the server (the email) and the thread's title.
struct NewComment {
  std::string site;
  std::string title;
  std::string email;
  Comment comment;  // id is ignored; the store assigns it
};

class Store {
 public:
  virtual ~Store() = default;

  // Every comment of one page, oldest first (ties by id).
  virtual std::vector<Comment> list_page(std::string_view site, std::string_view page) = 0;
  // Comments on one page, without reading them.
  virtual std::size_t count_page(std::string_view site, std::string_view page) = 0;
  // Comment counts for several pages, in the order asked; unknown pages count 0.
  virtual std::vector<std::size_t> count_pages(std::string_view site,
                                               const std::vector<std::string>& pages) = 0;
  // Stores a comment and returns it with its id assigned.
  virtual Comment insert(const NewComment& c) = 0;
};

}  // namespace parley::server
