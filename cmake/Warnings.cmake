# Every Parley target gets the same warning set; CI builds with PARLEY_WERROR=ON.
add_library(parley_warnings INTERFACE)
target_compile_options(parley_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast)
if(PARLEY_WERROR)
  target_compile_options(parley_warnings INTERFACE -Werror)
endif()

if(PARLEY_SANITIZE AND NOT EMSCRIPTEN)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
    -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
