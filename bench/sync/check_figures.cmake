# Runs `swivel-bench-sync --quick` (BENCH) and fails unless it exits 0 and prints a
# `name: value` line for every figure below. Values are not checked: this is not a timed test.
set(figures
  contacts handsets server_pwhash
  initial_sync_10k_s initial_sync_10k_wire_s initial_sync_10k_rounds initial_bytes_per_contact
  one_change_bytes one_change_ms one_change_rounds noop_sync_bytes noop_sync_ms
  reseed_10k_s reseed_10k_wire_s reseed_bytes_per_contact pull_10k_s pull_bytes_per_contact
  syncs_per_s_200 p50_ms_200 p99_ms_200 load_errors)
execute_process(COMMAND ${BENCH} --quick RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "swivel-bench-sync --quick exited ${rc}\n${out}\n${err}")
endif()
foreach(name IN LISTS figures)
  if(NOT out MATCHES "(^|\n)${name}: [^\n]+")
    message(FATAL_ERROR "no `${name}: ...` line in:\n${out}")
  endif()
endforeach()
message(STATUS "${out}")
