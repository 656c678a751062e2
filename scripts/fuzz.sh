#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, docs/fuzzing.md) with clang++-19 under ASan + UBSan in
# build-fuzz/, and runs each on a fresh copy of its corpus: the checked-in seeds and regressions
# plus seeds gathered from examples/ and tests/ (stack files, and the expressions in them).
#
#   scripts/fuzz.sh                 each target for FUZZ_RUNS executions, one after another
#   scripts/fuzz.sh --ci            each target for FUZZ_SECONDS seconds, two at a time (CI)
#   scripts/fuzz.sh [...] TARGET... only these: stack_loader expression state_file plan_file plugin_protocol
#
# Fails on any crash, leak, timeout or sanitizer report; the input that caused it is left in
# build-fuzz/work/artifacts/TARGET/. Prints per target: executions, exec/s, coverage, corpus size.
# Environment: FUZZ_RUNS (default 1000000), FUZZ_SECONDS (default 10), FUZZ_SEED (default: random;
# 1 with --ci), FUZZ_WORK (scratch directory, default build-fuzz/work), PLINTH_JOBS (build jobs,
# default 2), CXX (default clang++-19).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

all_targets=(stack_loader expression state_file plan_file plugin_protocol)
ci=false
targets=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --ci) ci=true ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "fuzz.sh: unknown option: $1 (try --help)" >&2; exit 2 ;;
        *) [[ " ${all_targets[*]} " == *" $1 "* ]] || { echo "fuzz.sh: no target $1" >&2; exit 2; }
           targets+=("$1") ;;
    esac
    shift
done
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")

runs=${FUZZ_RUNS:-1000000}
seconds=${FUZZ_SECONDS:-10}
seed=${FUZZ_SEED:-}
$ci && seed=${seed:-1}
jobs=${PLINTH_JOBS:-2}
build_dir=build-fuzz
work=${FUZZ_WORK:-$build_dir/work}

# The longest input each target is given: a bit over the largest seed of its format.
declare -A max_len=([stack_loader]=8192 [expression]=1024 [state_file]=16384 [plan_file]=16384
                    [plugin_protocol]=4096)

# Unity batches without precompiled headers: with so few libraries, making each one's header
# costs more than it saves.
configure=(-G Ninja -DCMAKE_CXX_COMPILER="${CXX:-clang++-19}" -DPLINTH_FUZZ=ON -DPLINTH_TESTS=OFF
           -DPLINTH_WERROR=ON -DPLINTH_UNITY=ON -DPLINTH_PCH=OFF -DCMAKE_BUILD_TYPE=Debug
           "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only")
command -v ccache >/dev/null 2>&1 && configure+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
bash scripts/install-deps.sh --fuzz
echo "==> Configuring $build_dir/"
cmake -S . -B "$build_dir" "${configure[@]}" >/dev/null
echo "==> Building the fuzz targets"
mkdir -p "$work"
if ! cmake --build "$build_dir" -j "$jobs" --target fuzz >"$work/build.log" 2>&1; then
    tail -n 60 "$work/build.log" >&2
    echo "fuzz.sh: the build failed (log: $work/build.log)" >&2
    exit 1
fi

# Every stack file the repository holds, and each line of them that holds an expression.
stack_files() {
    find examples tests/e2e/golden tests/fixtures -type f \( -name '*.yaml' -o -name '*.yml' \) \
        ! -name 'plinth.lock.yaml' -print0
}

# corpus/TARGET: the checked-in seeds, the regressions and what the repository provides.
assemble_corpus() {
    local target=$1 corpus=$work/corpus/$1
    rm -rf "$corpus" && mkdir -p "$corpus"
    cp tests/fuzz/corpus/"$target"/* "$corpus"/
    [[ -d tests/fuzz/regressions/$target ]] && cp tests/fuzz/regressions/"$target"/* "$corpus"/
    case "$target" in
        stack_loader)
            stack_files | while IFS= read -r -d '' file; do
                cp "$file" "$corpus/repo-$(echo "$file" | tr '/' '_')"
            done ;;
        expression)
            stack_files | xargs -0 grep -h '\${' | sed -e 's/^[^:]*: *//' -e 's/^"\(.*\)"$/\1/' \
                -e "s/^'\(.*\)'$/\1/" | sort -u | awk -v dir="$corpus" '{ printf "%s", $0 > (dir "/repo-" NR); close(dir "/repo-" NR) }' ;;
    esac
    return 0
}

# Reports name functions and lines: through llvm-symbolizer when installed, else binutils' addr2line.
symbolizer=$(command -v llvm-symbolizer-19 || command -v llvm-symbolizer || command -v addr2line || true)
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1${symbolizer:+:external_symbolizer_path=$symbolizer}
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# Runs one target; its log goes to work/TARGET.log, its verdict to work/TARGET.result.
run_target() {
    local target=$1
    local corpus=$work/corpus/$target artifacts=$work/artifacts/$target/ log=$work/$target.log
    mkdir -p "$artifacts"
    local limit=(-runs="$runs")
    $ci && limit=(-max_total_time="$seconds")
    local options=("${limit[@]}" -max_len="${max_len[$target]}" -timeout=10 -rss_limit_mb=2048 -detect_leaks=1
                   -print_final_stats=1 -artifact_prefix="$artifacts")
    [[ -n "$seed" ]] && options+=(-seed="$seed")
    local status=0
    "$build_dir/tests/fuzz/fuzz_$target" "${options[@]}" "$corpus" >"$log" 2>&1 || status=$?
    if [[ $status -ne 0 ]] || grep -qE 'ERROR: (Address|Leak|UndefinedBehavior)Sanitizer|runtime error:|ERROR: libFuzzer' "$log"; then
        echo "FAILED (exit $status; see $log and $artifacts)" >"$work/$target.result"
    else
        echo "ok" >"$work/$target.result"
    fi
}

for target in "${targets[@]}"; do assemble_corpus "$target"; done
if $ci; then
    echo "==> Fuzzing each target for ${seconds}s, two at a time"
    for ((i = 0; i < ${#targets[@]}; i += 2)); do
        run_target "${targets[i]}" &
        [[ $((i + 1)) -lt ${#targets[@]} ]] && run_target "${targets[i + 1]}" &
        wait
    done
else
    echo "==> Fuzzing each target for $runs executions"
    for target in "${targets[@]}"; do run_target "$target"; done
fi

# libFuzzer's closing lines: "#N DONE cov: C ft: F corp: ..." and its final stats.
stat() { grep -m1 "^stat::$2:" "$work/$1.log" | awk '{ print $2 }'; }
failed=0
printf '%-16s %12s %8s %8s %8s %8s  %s\n' target executions exec/s seconds cov ft result
for target in "${targets[@]}"; do
    log=$work/$target.log result=$(cat "$work/$target.result")
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done_line")
    took=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    printf '%-16s %12s %8s %8s %8s %8s  %s (corpus %s files)\n' "$target" "$(stat "$target" number_of_executed_units)" \
        "$(stat "$target" average_exec_per_sec)" "${took:-?}" "${cov:-?}" "${ft:-?}" "$result" \
        "$(find "$work/corpus/$target" -type f | wc -l)"
    [[ "$result" == ok ]] || failed=1
done
exit $failed
