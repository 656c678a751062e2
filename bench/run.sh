#!/usr/bin/env bash
# Measures plinth on generated stacks and rewrites the results table in bench/README.md.
#
# For each N, shape (independent, chain, modules) and kind (null_resource, local_file) it
# generates a stack with bench/generate.py, then times with GNU time (wall clock and peak RSS):
#   apply     `apply --auto-approve` from empty state
#   plan      `plan --refresh=false` with that state present (best of 3)
#   refresh   `plan` with refresh, state present (best of 3)
#
# Environment: BENCH_COUNTS (default "1000 10000"), BENCH_SHAPES, BENCH_KINDS,
# BENCH_BUILD_DIR (default build-release), BENCH_NO_WRITE=1 to print the table only.
set -euo pipefail
shopt -s inherit_errexit

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
counts=${BENCH_COUNTS:-"1000 10000"}
shapes=${BENCH_SHAPES:-"independent chain modules"}
kinds=${BENCH_KINDS:-"null_resource local_file"}
build_dir=${BENCH_BUILD_DIR:-build-release}

if [[ ! -x /usr/bin/time ]]; then
    echo "bench: installing GNU time"
    as_root=()
    [[ $(id -u) -ne 0 ]] && as_root=(sudo)
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends time >/dev/null
fi

echo "bench: building plinth (Release, $build_dir/)"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPLINTH_TESTS=OFF >/dev/null
cmake --build "$build_dir" --target plinth -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
plinth="$root/$build_dir/plinth"

work=$(mktemp -d "${TMPDIR:-/tmp}/plinth-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Runs plinth in $1 with the rest as arguments under GNU time; prints "SECONDS MAX_RSS_KIB".
measure() {
    local dir=$1
    shift
    local report="$work/time.txt"
    if ! /usr/bin/time -v -o "$report" "$plinth" --chdir "$dir" --no-color "$@" >"$work/out.txt" 2>&1; then
        echo "bench: plinth $* failed in $dir:" >&2
        tail -20 "$work/out.txt" >&2
        exit 1
    fi
    awk -F': ' '
        /Elapsed \(wall clock\) time/ {
            n = split($2, part, ":"); seconds = 0
            for (i = 1; i <= n; i++) seconds = seconds * 60 + part[i]
        }
        /Maximum resident set size/ { rss = $2 }
        END { printf "%.3f %d\n", seconds, rss }' "$report"
}

# Best of three runs: the lowest time, and the peak RSS of that run.
best_of_three() {
    local best="" line
    for _ in 1 2 3; do
        line=$(measure "$@")
        if [[ -z "$best" ]] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
            best=$line
        fi
    done
    echo "$best"
}

mib() { awk -v kib="$1" 'BEGIN { printf "%.0f MiB", kib / 1024 }'; }
secs() { awk -v s="$1" 'BEGIN { printf "%.2f s", s }'; }

rows="$work/rows.md"
: >"$rows"
for count in $counts; do
    for shape in $shapes; do
        for kind in $kinds; do
            dir="$work/$shape-$kind-$count"
            python3 bench/generate.py --count "$count" --shape "$shape" --kind "$kind" "$dir" >/dev/null
            echo "bench: N=$count $shape $kind"
            apply=$(measure "$dir" apply --auto-approve)
            plan=$(best_of_three "$dir" plan --refresh=false)
            refresh=$(best_of_three "$dir" plan)
            read -r apply_s apply_rss <<<"$apply"
            read -r plan_s plan_rss <<<"$plan"
            read -r refresh_s _ <<<"$refresh"
            printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$count" "$shape" "$kind" \
                "$(secs "$plan_s")" "$(secs "$refresh_s")" "$(secs "$apply_s")" \
                "$(mib "$plan_rss")" "$(mib "$apply_rss")" >>"$rows"
            rm -rf "$dir"
        done
    done
done

cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
table="$work/table.md"
{
    echo "Measured $(date -u +%Y-%m-%d) at commit \`$commit\` on $(nproc) cores (${cpu:-unknown CPU}), Release build,"
    echo "default \`--parallelism 10\`. Times are wall clock; RSS is the peak resident set of the process."
    echo
    echo "| N | shape | kind | plan --refresh=false | plan (refresh) | apply from empty | peak RSS plan | peak RSS apply |"
    echo "|---:|---|---|---:|---:|---:|---:|---:|"
    cat "$rows"
} >"$table"

cat "$table"
if [[ "${BENCH_NO_WRITE:-0}" == 1 ]]; then exit 0; fi
python3 - "$table" bench/README.md <<'PY'
import sys
table_path, readme_path = sys.argv[1], sys.argv[2]
begin, end = "<!-- bench:results:begin -->", "<!-- bench:results:end -->"
table = open(table_path, encoding="utf-8").read().rstrip("\n")
readme = open(readme_path, encoding="utf-8").read()
head, _, rest = readme.partition(begin)
_, found, tail = rest.partition(end)
if not found:
    sys.exit(f"{readme_path}: markers {begin} / {end} not found")
open(readme_path, "w", encoding="utf-8").write(f"{head}{begin}\n{table}\n{end}{tail}")
PY
echo "bench: wrote the table into bench/README.md"
