// Output: what one event produces, the patches and effects of docs/widget-protocol.md,
// collected in order and serialised once at the boundary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/safe_html.hpp"

namespace parley::widget {

class Output {
 public:
  // Patches.
  void html(std::string_view key, const SafeHtml& content);
  void append(std::string_view key, const SafeHtml& content);
  void move(std::string_view key, std::string_view to);
  void attr(std::string_view key, std::string_view name, std::optional<std::string_view> value);
  void value(std::string_view key, std::string_view text);
  void checked(std::string_view key, bool on);
  void focus(std::string_view key);
  // A plain sentence in the `status` region ("" clears it).
  void status(std::string_view message);

  // Effects.
  void fetch(int request, std::string_view method, std::string path,
             std::optional<std::string> body = std::nullopt);
  void save(std::string_view key, nlohmann::json value);

  // {"patches":[...],"effects":[...]}. Never throws on odd bytes: invalid UTF-8 (which
  // validated input cannot contain) would be replaced, not reported.
  std::string serialize() const;

 private:
  nlohmann::json patch(std::string_view op, std::string_view key);
  nlohmann::json patches_ = nlohmann::json::array();
  nlohmann::json effects_ = nlohmann::json::array();
};

}  // namespace parley::widget
