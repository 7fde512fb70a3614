# swivel_module(NAME SOURCES ... [DEPS ...] [PUBLIC_DEPS ...])
# Declares one module library. The target is swivel_<NAME>; the folder name decides NAME
# (hal/sim -> swivel_hal_sim). Headers are included by their path from the repository root.
function(swivel_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PUBLIC_DEPS" ${ARGN})
  set(target swivel_${name})
  if(ARG_SOURCES)
    add_library(${target} STATIC ${ARG_SOURCES})
    target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(${target} PUBLIC swivel_flags ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_DEPS})
  else()
    # Header-only module (interfaces).
    add_library(${target} INTERFACE)
    target_include_directories(${target} INTERFACE ${PROJECT_SOURCE_DIR})
    target_link_libraries(${target} INTERFACE swivel_flags ${ARG_PUBLIC_DEPS})
  endif()
endfunction()

# swivel_program(NAME SOURCES ... DEPS ...): an executable that lands in build/bin.
function(swivel_program name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE swivel_flags ${ARG_DEPS})
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)
endfunction()
