# Every Parley target gets the same warning set; CI builds with PARLEY_WERROR=ON.
add_library(parley_warnings INTERFACE)
target_compile_options(parley_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wconversion -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast)
# GCC 12 reports -Wrestrict inside libstdc++'s std::string operator+ at -O3 (GCC bug
# 105329, a false positive on correct code); keep the warning on other compilers.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12)
  target_compile_options(parley_warnings INTERFACE -Wno-restrict)
endif()
if(PARLEY_WERROR)
  target_compile_options(parley_warnings INTERFACE -Werror)
endif()

if(PARLEY_SANITIZE AND NOT EMSCRIPTEN)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
    -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
