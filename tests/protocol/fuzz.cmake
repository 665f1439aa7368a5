# The libFuzzer target. libFuzzer comes with clang (Debian `clang`,
# `libclang-rt-14-dev`). In a clang build (-DDG_FUZZ=ON) the target is built
# here; in a GCC build, if clang++ is installed, a clang sub-build of this
# same tree makes it (ExternalProject) and ctest runs it for a bounded time.
option(DG_FUZZ "Build the libFuzzer targets (needs clang)" OFF)
set(DG_FUZZ_SECONDS 20 CACHE STRING "How long the fuzz ctest runs")
set(DG_FUZZ_CORPUS ${CMAKE_CURRENT_SOURCE_DIR}/fuzz_corpus)

if(DG_FUZZ)
  add_executable(fuzz_protocol fuzz_protocol.cc)
  target_link_libraries(fuzz_protocol PRIVATE dg_protocol)
  target_compile_options(fuzz_protocol PRIVATE -fsanitize=fuzzer)
  target_link_options(fuzz_protocol PRIVATE -fsanitize=fuzzer)
  set(DG_FUZZ_BINARY $<TARGET_FILE:fuzz_protocol>)
else()
  find_program(DG_CLANGXX NAMES clang++ clang++-14)
  if(DG_CLANGXX)
    include(ExternalProject)
    set(DG_FUZZ_BUILD ${CMAKE_BINARY_DIR}/fuzz-clang)
    ExternalProject_Add(fuzz_protocol_clang
      SOURCE_DIR ${PROJECT_SOURCE_DIR}
      BINARY_DIR ${DG_FUZZ_BUILD}
      CMAKE_ARGS -DCMAKE_CXX_COMPILER=${DG_CLANGXX} -DCMAKE_BUILD_TYPE=RelWithDebInfo
                 -DDG_FUZZ=ON -DDG_BUILD_BENCHMARKS=OFF
                 "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer"
                 "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined"
      BUILD_COMMAND ${CMAKE_COMMAND} --build ${DG_FUZZ_BUILD} --target fuzz_protocol
      INSTALL_COMMAND ""
      BUILD_ALWAYS ON
      EXCLUDE_FROM_ALL ON)
    set(DG_FUZZ_BINARY ${DG_FUZZ_BUILD}/bin/fuzz_protocol)
  endif()
endif()

if(DG_FUZZ_BINARY)
  # New inputs go to a scratch folder; the committed seeds are only read.
  add_test(NAME fuzz_protocol
    COMMAND sh -c "mkdir -p fuzz_work && exec \"$0\" -max_total_time=${DG_FUZZ_SECONDS} -rss_limit_mb=2048 -timeout=10 fuzz_work \"$1\""
            ${DG_FUZZ_BINARY} ${DG_FUZZ_CORPUS})
  set_tests_properties(fuzz_protocol PROPERTIES LABELS "fuzz;protocol" TIMEOUT 600)
  if(NOT DG_FUZZ AND DG_CLANGXX)
    # Build the clang sub-build before the test runs (ctest fixture).
    add_test(NAME fuzz_protocol_build
      COMMAND ${CMAKE_COMMAND} --build ${CMAKE_BINARY_DIR} --target fuzz_protocol_clang)
    set_tests_properties(fuzz_protocol_build PROPERTIES FIXTURES_SETUP fuzz_build LABELS "fuzz;protocol" TIMEOUT 1800)
    set_tests_properties(fuzz_protocol PROPERTIES FIXTURES_REQUIRED fuzz_build)
  endif()
endif()
