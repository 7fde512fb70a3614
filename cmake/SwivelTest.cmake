include(GoogleTest)

# swivel_test(NAME SOURCES ... DEPS ...)
# One GoogleTest binary; every TEST in it is registered with CTest under its own name, so
# `ctest -R Suite.Case` selects single cases.
function(swivel_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE swivel_flags ${ARG_DEPS} GTest::gtest GTest::gmock
                        GTest::gtest_main)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
endfunction()
