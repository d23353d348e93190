// Reading one member of a JSON config object with a message that names it: shared by the
// config file (config.cpp) and its "login" section (auth/login_config.cpp), so both
// report a wrong type the same way.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace parley::server {

// Reads member `key` of `obj` into `out` when present (absent: `out` keeps its value).
// A member of the wrong type throws `Error` with "<where>: "<key>" has the wrong type".
template <typename Error, typename T>
void read_member(const nlohmann::json& obj, const char* key, T& out, const std::string& where) {
  const auto it = obj.find(key);
  if (it == obj.end()) return;
  try {
    out = it->template get<T>();
  } catch (const nlohmann::json::exception&) {
    throw Error(where + ": \"" + key + "\" has the wrong type");
  }
}

}  // namespace parley::server
