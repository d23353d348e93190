# nlohmann_json and doctest are header-only Debian packages under /usr/include.
# Emscripten must not see -I/usr/include (it would shadow its own sysroot), so the
# Emscripten build gets a build-tree include dir per library holding only its folder.
# One dir each, so that a target sees only what it links: the widget's sources do not
# see nlohmann in the Emscripten build, and an #include of it there fails to compile
# (issue 7: nlohmann was a fifth of the widget's wasm code).
foreach(dir nlohmann doctest)
  set(tp_dir ${CMAKE_BINARY_DIR}/third_party/${dir})
  file(MAKE_DIRECTORY ${tp_dir})
  if(NOT EXISTS ${tp_dir}/${dir})
    if(NOT EXISTS /usr/include/${dir})
      message(FATAL_ERROR "/usr/include/${dir} is missing: run scripts/setup.sh")
    endif()
    file(CREATE_LINK /usr/include/${dir} ${tp_dir}/${dir} SYMBOLIC)
  endif()
  add_library(parley_${dir} INTERFACE)
  target_include_directories(parley_${dir} SYSTEM INTERFACE ${tp_dir})
endforeach()

# Both: parleyd, the tests, the fuzzers and the benchmarks.
add_library(parley_thirdparty INTERFACE)
target_link_libraries(parley_thirdparty INTERFACE parley_nlohmann parley_doctest)
