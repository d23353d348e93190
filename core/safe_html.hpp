// SafeHtml: a string that is known to be well-formed, escaped HTML.
//
// Only the HTML builder (html.hpp) and the Markdown renderer create one from user
// text; anything else that wants to put user data into markup must go through them.
// This is how "escaped by construction" is enforced by the type system.
#pragma once

#include <string>
#include <string_view>
#include <utility>

namespace parley {

class HtmlBuilder;
namespace markdown::detail {
class Output;
}

class SafeHtml {
 public:
  SafeHtml() = default;
  const std::string& str() const { return html_; }
  std::string release() && { return std::move(html_); }
  bool empty() const { return html_.empty(); }

  // HTML that was rendered by this core earlier and stored (the server keeps the
  // rendered comment beside its source). Named loudly so every use is greppable.
  static SafeHtml from_stored_render(std::string html) { return SafeHtml(std::move(html)); }

 private:
  friend class HtmlBuilder;
  friend class markdown::detail::Output;
  explicit SafeHtml(std::string html) : html_(std::move(html)) {}
  std::string html_;
};

}  // namespace parley
