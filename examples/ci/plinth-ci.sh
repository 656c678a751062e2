#!/usr/bin/env bash
# The two steps of a CI pipeline for a plinth stack; the GitLab CI and GitHub Actions files
# beside this one call it.
#
#   plinth-ci.sh plan    plan the stack into plan.bin (--detailed-exitcode: 0 nothing to do,
#                        2 changes) and write plan.md, its Markdown summary for the merge request
#   plinth-ci.sh apply   apply exactly plan.bin (made by the plan step of the same pipeline)
#
# Environment: PLINTH (the plinth binary, default: plinth on PATH), STACK_DIR (default: .),
# PLAN_FILE (default: plan.bin, in STACK_DIR), PLAN_SUMMARY (default: plan.md). Variables come from
# PLINTH_VAR_<name>; state backend credentials from the backend's own variables (docs/backends.md).
set -euo pipefail

plinth=${PLINTH:-plinth}
stack_dir=${STACK_DIR:-.}
plan_file=${PLAN_FILE:-plan.bin}
summary=${PLAN_SUMMARY:-plan.md}

case "${1:-}" in
plan)
    "$plinth" --chdir "$stack_dir" init
    status=0
    "$plinth" --chdir "$stack_dir" plan --input=false --detailed-exitcode --out "$plan_file" || status=$?
    case "$status" in
    0) echo "plinth-ci: no changes" ;;
    2) echo "plinth-ci: changes planned in $plan_file" ;;
    *) exit "$status" ;;
    esac
    "$plinth" --chdir "$stack_dir" show --format markdown "$plan_file" > "$summary"
    echo "plinth-ci: summary in $summary"
    ;;
apply)
    "$plinth" --chdir "$stack_dir" apply --input=false "$plan_file"
    ;;
*)
    echo "usage: plinth-ci.sh plan|apply" >&2
    exit 2
    ;;
esac
