# cmake -DWASM=<file> -P NoNlohmann.cmake: fails when any of nlohmann::json is linked into
# the wasm (issue 7: every reader downloads it). Whatever piece of it is linked brings its
# type names (N8nlohmann...) or its error messages ("[json.exception.") into the data.
if(NOT EXISTS "${WASM}")
  message(FATAL_ERROR "${WASM} is missing: build parley-widget first")
endif()
file(STRINGS "${WASM}" hits REGEX "nlohmann|json\\.exception")
if(hits)
  string(SUBSTRING "${hits}" 0 100 first)
  message(FATAL_ERROR "${WASM} links nlohmann::json (its strings: ${first}...): "
    "read JSON with core/json_reader.hpp or core/json_object.hpp, write it with core/json_writer.hpp")
endif()
message(STATUS "${WASM}: no nlohmann")
