#!/usr/bin/env bash
# Builds everything (warnings are errors) and runs the whole test suite, unit and end-to-end,
# through CTest, under AddressSanitizer + UndefinedBehaviorSanitizer.
#
#   scripts/test.sh                 sanitized Debug build in build-asan/ (what CI runs)
#   scripts/test.sh --no-sanitize   plain Debug build in build/ (quicker to build)
#   scripts/test.sh [...] -- ARGS   extra arguments for ctest, e.g. -- -R expr
#
# Environment: PLINTH_BUILD_DIR (default build/ or build-asan/), PLINTH_JOBS (default: the
# number of cores).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

sanitize=true
ctest_args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --sanitize) sanitize=true ;;
        --no-sanitize) sanitize=false ;;
        --) shift; ctest_args=("$@"); break ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "test.sh: unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done

jobs=${PLINTH_JOBS:-$(nproc 2>/dev/null || echo 2)}
# Unity builds: each library compiles in batches of 8 sources (a full build is what CI does).
configure=(-G Ninja -DPLINTH_WERROR=ON -DPLINTH_TESTS=ON -DPLINTH_UNITY=ON -DCMAKE_BUILD_TYPE=Debug)
if $sanitize; then
    build_dir=${PLINTH_BUILD_DIR:-build-asan}
    # -Og: the instrumented build compiles quicker than at -O1 and its tests still run fast.
    # -g1: line tables only (sanitizer reports still name file:line), about 30% less compile time.
    configure+=(-DPLINTH_SANITIZE=ON -DCMAKE_CXX_FLAGS=-Og -DCMAKE_CXX_FLAGS_DEBUG=-g1)
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
    build_dir=${PLINTH_BUILD_DIR:-build}
fi

echo "==> Configuring $build_dir/"
cmake -S . -B "$build_dir" "${configure[@]}" >/dev/null
echo "==> Building $build_dir/"
cmake --build "$build_dir" -j "$jobs"
echo "==> Testing $build_dir/"
ctest --test-dir "$build_dir" --output-on-failure --no-tests=error -j2 "${ctest_args[@]}"
