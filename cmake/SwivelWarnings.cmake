# Compiler flags every Swivel target gets: warnings on, optionally fatal, optional sanitizers.
add_library(swivel_flags INTERFACE)
target_compile_options(swivel_flags INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                       -Wno-sign-conversion)
if(SWIVEL_WERROR)
  target_compile_options(swivel_flags INTERFACE -Werror)
endif()
if(SWIVEL_SANITIZE)
  target_compile_options(swivel_flags INTERFACE -fsanitize=address,undefined
                         -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(swivel_flags INTERFACE -fsanitize=address,undefined)
endif()
