# Helpers for command-line test cases run with `cmake -P`: run the tool (${TOOL}) and check
# what it did. The including script sets TOOL and CASE.

# Runs the tool with the given arguments; sets rc, out and err in the caller.
function(run)
  execute_process(COMMAND "${TOOL}" ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  set(rc "${rc}" PARENT_SCOPE)
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

function(fail message)
  message(FATAL_ERROR "${CASE}: ${message}\nexit: ${rc}\nstdout:\n${out}\nstderr:\n${err}")
endfunction()

# Fails unless the last run exited with `code`.
function(expect_exit code message)
  if(NOT rc EQUAL code)
    fail("${message}")
  endif()
endfunction()

# Fails unless `text` contains `needle`.
function(expect_in text needle message)
  string(FIND "${text}" "${needle}" at)
  if(at EQUAL -1)
    fail("${message}")
  endif()
endfunction()
