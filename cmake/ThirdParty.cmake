# nlohmann_json and doctest are header-only Debian packages under /usr/include.
# Emscripten must not see -I/usr/include (it would shadow its own sysroot), so the
# Emscripten build gets a build-tree include dir holding only those two folders.
set(PARLEY_TP_DIR ${CMAKE_BINARY_DIR}/third_party/include)
file(MAKE_DIRECTORY ${PARLEY_TP_DIR})
foreach(dir nlohmann doctest)
  if(NOT EXISTS ${PARLEY_TP_DIR}/${dir})
    if(NOT EXISTS /usr/include/${dir})
      message(FATAL_ERROR "/usr/include/${dir} is missing: run scripts/setup.sh")
    endif()
    file(CREATE_LINK /usr/include/${dir} ${PARLEY_TP_DIR}/${dir} SYMBOLIC)
  endif()
endforeach()

add_library(parley_thirdparty INTERFACE)
target_include_directories(parley_thirdparty SYSTEM INTERFACE ${PARLEY_TP_DIR})
