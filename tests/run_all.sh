#!/usr/bin/env bash
# DraftGuard quick start, step 2 of 2: the whole test suite.
#
#   tests/run_all.sh
#
# 1. a RelWithDebInfo build with warnings as errors (build-test/): every
#    ctest test — unit, CLI, protocol, store, audit, org, fuzz, extension
#    unit tests and the end-to-end tests in real Chromium and Firefox;
# 2. the same C++ tests again in an AddressSanitizer + UndefinedBehavior-
#    Sanitizer build (build-asan/), browsers excluded.
# Needs what ./install.sh installs. Exit status: 0 when both pass.
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=${DG_JOBS:-2}
status=0

run_suite() {  # name build-dir cmake-flags ctest-flags
  local name=$1 dir=$2 flags=$3 ctest_flags=$4
  printf '\n\033[1m==> %s: configure and build (%s)\033[0m\n' "$name" "$dir"
  mkdir -p "$dir"
  if ! cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDG_WERROR=ON $flags >"$dir/configure.log" 2>&1; then
    cat "$dir/configure.log"; status=1; return
  fi
  if ! cmake --build "$dir" -j"$jobs" >"$dir/build.log" 2>&1; then
    grep -E 'error|Error' -A3 "$dir/build.log" | head -60; echo "(full log: $dir/build.log)"; status=1; return
  fi
  printf '\033[1m==> %s: ctest\033[0m\n' "$name"
  (cd "$dir" && ctest --output-on-failure $ctest_flags) || status=1
}

if [ -d extension ] && [ ! -d extension/node_modules ]; then
  (cd extension && npm ci --no-audit --no-fund --loglevel=error) || status=1
fi
run_suite "tests" build-test "" ""
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run_suite "tests under ASan+UBSan" build-asan "-DDG_SANITIZE=ON -DDG_BUILD_BENCHMARKS=OFF" "-LE browser"
exit $status
