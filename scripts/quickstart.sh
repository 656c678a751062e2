#!/usr/bin/env bash
# From a fresh clone to a first applied stack: installs the Debian packages plinth needs, builds
# the `plinth` binary in build/ (Release), then plans and applies examples/hello and prints its
# outputs. Running it again is safe: the second apply finds nothing to change.
#
# Environment: PLINTH_BUILD_DIR (default build), PLINTH_BUILD_TYPE (default Release).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build_dir=${PLINTH_BUILD_DIR:-build}
build_type=${PLINTH_BUILD_TYPE:-Release}
jobs=${PLINTH_JOBS:-$(nproc 2>/dev/null || echo 2)}

step() { printf '\n==> %s\n' "$*"; }

step "Installing dependencies"
bash scripts/install-deps.sh

step "Building plinth ($build_type, $build_dir/)"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" >/dev/null
cmake --build "$build_dir" --target plinth -j "$jobs"

plinth="$root/$build_dir/plinth"
example=examples/hello

step "plinth --chdir $example plan"
"$plinth" --chdir "$example" plan

step "plinth --chdir $example apply --auto-approve"
"$plinth" --chdir "$example" apply --auto-approve

step "plinth --chdir $example output"
"$plinth" --chdir "$example" output

printf '\nDone. The files are in %s/out/, the state in %s/plinth.state.json.\n' "$example" "$example"
printf 'Remove them with: %s/plinth --chdir %s destroy --auto-approve\n' "$build_dir" "$example"
