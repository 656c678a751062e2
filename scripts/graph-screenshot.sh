#!/usr/bin/env bash
# Draws docs/graph-html.png again: the page `plinth graph --format html --plan` writes for a plan
# of examples/sites (a module called twice with for_each; 20 nodes), with one resource clicked,
# in Debian's headless Chromium through tests/e2e/graph_page.js (scripts/install-deps.sh
# installs the browser and puppeteer-core). Works on a copy of the examples; touches nothing else.
#   scripts/graph-screenshot.sh [PLINTH]     (default: build/plinth)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
plinth=$(realpath "${1:-$root/build/plinth}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -r "$root/examples/sites" "$root/examples/templates" "$work/"
"$plinth" --no-color --chdir "$work/sites" plan --out graph.plan >/dev/null
"$plinth" --no-color --chdir "$work/sites" graph --format html --plan graph.plan --out graph.html
node "$root/tests/e2e/graph_page.js" "$work/sites/graph.html" --click module.site.page --size 1280x720 \
    --screenshot "$root/docs/graph-html.png" >/dev/null
echo "graph-screenshot: wrote docs/graph-html.png"
